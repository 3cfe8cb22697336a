import type { DataSource } from 'typeorm';
import type { SqlCondition } from '@concord/permissions';
import { AgencyTask } from './agency-task.entity';
import { BetweenAgenciesRepository, type AgencyBoxFilter } from './between-agencies.repository';

/** Which tasks a list shows: the caller's inbox (asked of its agency) or outbox (asked by it), filtered. */
export interface AgencyTaskFilter extends AgencyBoxFilter {
  /** true: only overdue tasks; false: only those not overdue. */
  overdue?: boolean;
  offset: number;
  limit: number;
}

/**
 * Agency tasks in PostgreSQL. Every read takes the caller's visibility (a SQL condition from `@concord/permissions`)
 * first and refuses to run without one, as the registry's CreatorRepository does.
 */
export class AgencyTaskRepository extends BetweenAgenciesRepository<AgencyTask> {
  constructor(dataSource: DataSource) {
    super(dataSource, AgencyTask, 't');
  }

  /** A page of the box, soonest due first (and one task more, to know whether another page follows). */
  list(visibility: SqlCondition, filter: AgencyTaskFilter): Promise<AgencyTask[]> {
    const qb = this.box(visibility, filter);
    if (filter.overdue !== undefined) {
      qb.andWhere(
        `${filter.overdue ? '' : 'NOT '}(t.status IN ('proposed', 'accepted', 'in_progress') AND t.due_at < now())`,
      );
    }
    return qb
      .orderBy('t.due_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .offset(filter.offset)
      .limit(filter.limit + 1)
      .getMany();
  }
}
