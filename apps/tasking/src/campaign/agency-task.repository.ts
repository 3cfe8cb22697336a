import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { visibleTo } from '@concord/database';
import type { SqlCondition } from '@concord/permissions';
import { AgencyTask } from './agency-task.entity';

/** Which tasks a list shows: the caller's inbox (asked of its agency) or outbox (asked by it), filtered. */
export interface AgencyTaskFilter {
  box: 'inbox' | 'outbox';
  orgId: string;
  status?: string;
  /** true: only overdue tasks; false: only those not overdue. */
  overdue?: boolean;
  offset: number;
  limit: number;
}

/**
 * Agency tasks in PostgreSQL. Every read takes the caller's visibility (a SQL condition from `@concord/permissions`)
 * first and refuses to run without one, as the registry's CreatorRepository does.
 */
export class AgencyTaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  private scoped(visibility: SqlCondition, manager?: EntityManager): SelectQueryBuilder<AgencyTask> {
    return visibleTo(manager ?? this.dataSource.manager, AgencyTask, 't', visibility);
  }

  /** One task the caller may see (locked for the transaction with `lock`), or null. */
  findVisible(visibility: SqlCondition, id: string, options: { manager?: EntityManager; lock?: boolean } = {}) {
    const qb = this.scoped(visibility, options.manager).andWhere('t.id = :id', { id });
    if (options.lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** A page of the box, soonest due first (and one task more, to know whether another page follows). */
  list(visibility: SqlCondition, filter: AgencyTaskFilter): Promise<AgencyTask[]> {
    const qb = this.scoped(visibility).andWhere(
      filter.box === 'inbox' ? 't.to_agency_id = :org' : 't.from_agency_id = :org',
      { org: filter.orgId },
    );
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
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
