import type { DataSource } from 'typeorm';
import type { ColumnSpec, SqlCondition } from '@concord/permissions';
import { BetweenAgenciesRepository, type AgencyBoxFilter } from './between-agencies.repository';
import { CampaignRequest } from './campaign-request.entity';

/** Rule fields → SQL columns, for permission conditions on `campaign_requests r`. */
export const CAMPAIGN_REQUEST_PERMISSION_COLUMNS: Record<string, ColumnSpec> = {
  fromAgencyId: 'r.from_agency_id',
  toAgencyId: 'r.to_agency_id',
};

/** Which requests a list shows: the caller's inbox (sent to its agency) or outbox (sent by it), newest first. */
export interface CampaignRequestFilter extends AgencyBoxFilter {
  /** Only requests whose id sorts before this one (the page's cursor). */
  beforeId?: string;
  limit: number;
}

/**
 * Joint campaign requests in PostgreSQL. Every read takes the caller's visibility (a SQL condition from
 * `@concord/permissions`, over CAMPAIGN_REQUEST_PERMISSION_COLUMNS) first and refuses to run without one.
 */
export class CampaignRequestRepository extends BetweenAgenciesRepository<CampaignRequest> {
  constructor(dataSource: DataSource) {
    super(dataSource, CampaignRequest, 'r');
  }

  /** A page of the box, newest id first (and one request more, to know whether another page follows). */
  list(visibility: SqlCondition, filter: CampaignRequestFilter): Promise<CampaignRequest[]> {
    const qb = this.box(visibility, filter);
    if (filter.beforeId !== undefined) qb.andWhere('r.id < :cid', { cid: filter.beforeId });
    return qb
      .orderBy('r.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
  }
}
