import type { DataSource, EntityManager } from 'typeorm';
import { visibleTo } from '@concord/database';
import type { AgreementStatusName, CampaignStatusName, FundingAgreement } from '@concord/domain';
import type { ColumnSpec, SqlCondition } from '@concord/permissions';
import { Brief } from './brief.entity';
import { Campaign } from './campaign.entity';
import { VisibleRowsRepository } from '../database/visible-rows.repository';

/** Rule fields → SQL columns, for permission conditions on `campaigns c` (every query here names campaigns `c`). */
export const CAMPAIGN_PERMISSION_COLUMNS: Record<string, ColumnSpec> = {
  ownerAgencyId: 'c.owner_agency_id',
  partnerAgencyIds: { array: 'c.partner_agency_ids' },
};

/** Which campaigns a list shows: by status, after a cursor (newest first). */
export interface CampaignFilter {
  status?: string;
  /** Only campaigns created or changed at or after this time (ISO 8601). */
  updatedSince?: string;
  /** Only campaigns whose id sorts before this one (the page's cursor). */
  beforeId?: string;
  limit: number;
}

/** A campaign on the calendar: its period as dates (`YYYY-MM-DD`). */
export interface CalendarCampaignRow {
  id: string;
  owner: string;
  title: string;
  start: string;
  end: string;
  status: string;
}

/** A brief on the calendar: from its window's start to its due time, with its campaign's owner and status. */
export interface CalendarBriefRow {
  id: string;
  campaign: string;
  owner: string;
  title: string;
  start: Date;
  due: Date;
  status: string;
}

/** What starting a fan-out needs of a brief and of its campaign. */
export interface BriefToFanOutRow {
  campaign_id: string;
  due_at: Date;
  owner_agency_id: string;
  partner_agency_ids: string[];
  status: CampaignStatusName;
}

/** The terms of a brief each fan-out batch decides by (`due_date`: the due day in UTC). */
export interface BriefTermsRow {
  platforms: string[];
  due_at: Date;
  due_date: string;
  quantity: number;
  window_start: Date;
  window_end: Date;
  owner_agency_id: string;
}

/**
 * Campaigns and their briefs in PostgreSQL. Every read that depends on who asks takes the caller's visibility (a SQL
 * condition from `@concord/permissions`, over CAMPAIGN_PERMISSION_COLUMNS) first and refuses to run without one.
 */
export class CampaignRepository extends VisibleRowsRepository<Campaign> {
  constructor(dataSource: DataSource) {
    super(dataSource, Campaign, 'c');
  }

  /** Whether the caller may see the campaign (reads its id only). */
  async isVisible(visibility: SqlCondition, id: string): Promise<boolean> {
    const row = await this.scoped(visibility)
      .select('c.id', 'id')
      .andWhere('c.id = :id', { id })
      .getRawOne<{ id: string }>();
    return !!row;
  }

  /** A page of the campaigns the caller may see, newest first (and one more, to know whether another page follows). */
  list(visibility: SqlCondition, filter: CampaignFilter): Promise<Campaign[]> {
    const qb = this.scoped(visibility);
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.updatedSince) qb.andWhere('c.updated_at >= :updatedSince', { updatedSince: filter.updatedSince });
    if (filter.beforeId !== undefined) qb.andWhere('c.id < :cid', { cid: filter.beforeId });
    return qb
      .orderBy('c.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
  }

  /** The campaigns the caller may see whose period meets the days [from, to), earliest first, at most 500. */
  calendarCampaigns(visibility: SqlCondition, days: { from: string; to: string }): Promise<CalendarCampaignRow[]> {
    return this.scoped(visibility)
      .select([
        'c.id AS id',
        'c.owner_agency_id AS owner',
        'c.title AS title',
        "to_char(c.period_start, 'YYYY-MM-DD') AS start",
        "to_char(c.period_end, 'YYYY-MM-DD') AS end",
        'c.status AS status',
      ])
      .andWhere('c.period_start < :to AND c.period_end >= :from', { from: days.from, to: days.to })
      .orderBy('c.period_start')
      .limit(500)
      .getRawMany<CalendarCampaignRow>();
  }

  /** The briefs of campaigns the caller may see that are due in [from, to), soonest first, at most 1000. */
  calendarBriefs(visibility: SqlCondition, from: Date, to: Date): Promise<CalendarBriefRow[]> {
    return visibleTo(this.dataSource.manager, Brief, 'b', visibility)
      .select([
        'b.id AS id',
        'b.campaign_id AS campaign',
        'c.owner_agency_id AS owner',
        'b.title AS title',
        'b.window_start AS start',
        'b.due_at AS due',
        'c.status AS status',
      ])
      .innerJoin('campaigns', 'c', 'c.id = b.campaign_id')
      .andWhere('b.due_at >= :from AND b.due_at < :to', { from, to })
      .orderBy('b.due_at')
      .limit(1000)
      .getRawMany<CalendarBriefRow>();
  }

  /** A campaign's briefs, soonest due first. */
  briefsOf(campaignId: string): Promise<Brief[]> {
    return this.dataSource.getRepository(Brief).find({ where: { campaignId }, order: { dueAt: 'ASC', id: 'ASC' } });
  }

  /** The brief to fan out with its campaign, which stays locked for the transaction; undefined when there is none. */
  async lockBriefToFanOut(manager: EntityManager, briefId: string): Promise<BriefToFanOutRow | undefined> {
    const [brief] = await manager.query<BriefToFanOutRow[]>(
      `SELECT b.campaign_id, b.due_at, c.owner_agency_id, c.partner_agency_ids, c.status
         FROM briefs b JOIN campaigns c ON c.id = b.campaign_id WHERE b.id = $1 FOR UPDATE OF c`,
      [briefId],
    );
    return brief;
  }

  /** The brief's terms and its campaign's owner, as a fan-out batch decides by them. */
  async briefTerms(manager: EntityManager, briefId: string): Promise<BriefTermsRow> {
    const [brief] = await manager.query<BriefTermsRow[]>(
      `SELECT b.platforms, b.due_at, to_char(b.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due_date, b.quantity, b.window_start, b.window_end, c.owner_agency_id
         FROM briefs b JOIN campaigns c ON c.id = b.campaign_id WHERE b.id = $1`,
      [briefId],
    );
    return brief;
  }

  /** The agreements a campaign names, as tasking knows them from the agreements service's events (none for none). */
  async fundingAgreements(manager: EntityManager, ids: readonly string[]): Promise<FundingAgreement[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<
      { agreement_id: string; agency_id: string; status: AgreementStatusName; budget: string | null }[]
    >('SELECT agreement_id, agency_id, status, budget FROM agreement_coverage WHERE agreement_id = ANY($1::uuid[])', [
      [...ids],
    ]);
    return rows.map((r) => ({
      agreementId: r.agreement_id,
      agencyId: r.agency_id,
      status: r.status,
      budget: r.budget === null ? null : Number(r.budget),
    }));
  }
}
