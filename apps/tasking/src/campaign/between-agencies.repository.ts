import type { SelectQueryBuilder } from 'typeorm';
import type { SqlCondition } from '@concord/permissions';
import { VisibleRowsRepository } from '../database/visible-rows.repository';
import type { BetweenAgencies } from './between-agencies';

/** A list of what agencies ask of each other: the caller's inbox (asked of its agency) or outbox (asked by it). */
export interface AgencyBoxFilter {
  box: 'inbox' | 'outbox';
  orgId: string;
  status?: string;
  /** Only rows created or changed at or after this time (ISO 8601). */
  updatedSince?: string;
}

/** Rows one agency asks of another (joint campaign requests, agency tasks), as a caller may see them. */
export abstract class BetweenAgenciesRepository<
  Row extends BetweenAgencies<string>,
> extends VisibleRowsRepository<Row> {
  /** The box's rows the caller may see, in `filter.status` when it is given. */
  protected box(visibility: SqlCondition, filter: AgencyBoxFilter): SelectQueryBuilder<Row> {
    const a = this.alias;
    const qb = this.scoped(visibility).andWhere(
      filter.box === 'inbox' ? `${a}.to_agency_id = :org` : `${a}.from_agency_id = :org`,
      { org: filter.orgId },
    );
    if (filter.status) qb.andWhere(`${a}.status = :status`, { status: filter.status });
    if (filter.updatedSince) qb.andWhere(`${a}.updated_at >= :updatedSince`, { updatedSince: filter.updatedSince });
    return qb;
  }
}
