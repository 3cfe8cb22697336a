import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { visibleTo } from '@concord/database';
import type { ColumnSpec, SqlCondition } from '@concord/permissions';
import { CampaignRequest } from './campaign-request.entity';

/** Rule fields → SQL columns, for permission conditions on `campaign_requests r`. */
export const CAMPAIGN_REQUEST_PERMISSION_COLUMNS: Record<string, ColumnSpec> = {
  fromAgencyId: 'r.from_agency_id',
  toAgencyId: 'r.to_agency_id',
};

/** Which requests a list shows: the caller's inbox (sent to its agency) or outbox (sent by it), newest first. */
export interface CampaignRequestFilter {
  box: 'inbox' | 'outbox';
  orgId: string;
  status?: string;
  /** Only requests whose id sorts before this one (the page's cursor). */
  beforeId?: string;
  limit: number;
}

/**
 * Joint campaign requests in PostgreSQL. Every read takes the caller's visibility (a SQL condition from
 * `@concord/permissions`, over CAMPAIGN_REQUEST_PERMISSION_COLUMNS) first and refuses to run without one.
 */
export class CampaignRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  private scoped(visibility: SqlCondition, manager?: EntityManager): SelectQueryBuilder<CampaignRequest> {
    return visibleTo(manager ?? this.dataSource.manager, CampaignRequest, 'r', visibility);
  }

  /** One request the caller may see (locked for the transaction with `lock`), or null. */
  findVisible(
    visibility: SqlCondition,
    id: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<CampaignRequest | null> {
    const qb = this.scoped(visibility, options.manager).andWhere('r.id = :id', { id });
    if (options.lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** A page of the box, newest id first (and one request more, to know whether another page follows). */
  list(visibility: SqlCondition, filter: CampaignRequestFilter): Promise<CampaignRequest[]> {
    const qb = this.scoped(visibility).andWhere(
      filter.box === 'inbox' ? 'r.to_agency_id = :org' : 'r.from_agency_id = :org',
      { org: filter.orgId },
    );
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.beforeId !== undefined) qb.andWhere('r.id < :cid', { cid: filter.beforeId });
    return qb
      .orderBy('r.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
  }
}
