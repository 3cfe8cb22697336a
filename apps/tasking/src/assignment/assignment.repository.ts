import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { updateReturning, visibleTo } from '@concord/database';
import type { AssignmentStatusName, AssignmentView, CoveringAgreement, StatusChange } from '@concord/domain';
import type { ColumnSpec, SqlCondition } from '@concord/permissions';
import { Assignment } from './assignment.entity';

/** Rule fields → SQL columns, for permission conditions on `assignments a` joined with their `campaigns c`. */
export const ASSIGNMENT_PERMISSION_COLUMNS: Record<string, ColumnSpec> = {
  ownerAgencyId: 'c.owner_agency_id',
  partnerAgencyIds: { array: 'c.partner_agency_ids' },
  creatorId: 'a.creator_id',
  managementCompanyId: 'a.management_company_id',
};

/** What tasking keeps of an agreement (from the agreements service's events): which are active, for whom, until when. */
export interface CoverageRow {
  agreementId: string;
  agencyId: string;
  counterpartyId: string;
  status: string;
  termStart: string;
  termEnd: string;
  deliverables: unknown;
  disclosureLabel: string | null | undefined;
  budget: number | null | undefined;
  /** When the event happened: an older event never overwrites a newer one. */
  at: string;
}

/** An assignment as its readers see it: with its brief, its campaign and its agreement's disclosure label. */
export interface AssignmentRow {
  id: string;
  brief_id: string;
  campaign_id: string;
  owner_agency_id: string;
  partner_agency_ids: string[];
  creator_id: string;
  creator_name: string;
  management_company_id: string | null;
  agreement_id: string;
  status: AssignmentStatusName;
  kind: AssignmentView['brief']['kind'];
  title: string;
  key_messages: string[];
  platforms: AssignmentView['brief']['platforms'];
  languages: string[];
  due_at: Date;
  quantity: number;
  fee_per_deliverable: string;
  window_start: Date;
  window_end: Date;
  flags: string[];
  overrides: AssignmentView['overrides'];
  status_history: AssignmentView['statusHistory'];
  version: number;
  created_at: Date;
  submission_id: string | null;
  campaign_title: string;
  required_hashtags: string[];
  campaign_key_messages: string[];
  disclosure_label: string | null;
}

/** Which assignments a list shows, newest id first. */
export interface AssignmentFilter {
  /** Only those of this creator, or of the management company with this id. */
  heldBy?: string;
  campaignId?: string;
  briefId?: string;
  creatorId?: string;
  status?: string;
  /** Only assignments whose id sorts before this one (the page's cursor). */
  beforeId?: string;
  limit: number;
}

/** Assignments on the calendar: those whose window meets [from, to), of one creator or company if `heldBy`. */
export interface AssignmentCalendarQuery {
  from: Date;
  to: Date;
  heldBy?: string;
}

/** How many of a campaign's assignments stand in one status. */
export interface StatusCountRow {
  status: string;
  n: number;
}

/** A move of many assignments: those in one of `from` (and not already in `to`) go to `to`, noted in their history. */
export interface AssignmentMoveRow {
  to: AssignmentStatusName;
  from: readonly AssignmentStatusName[];
  /** Why, when (ISO), and by whom (user id), as the status history records it. */
  reason: string | null;
  at: string;
  by: string;
}

/** An assignment a move changed, with the status it left and its campaign's agencies. */
export interface MovedAssignmentRow {
  id: string;
  campaign_id: string;
  creator_id: string;
  from: AssignmentStatusName;
  agencies: string[];
}

/** An offer due and unanswered, with its campaign's owner. */
export interface OverdueOfferRow {
  id: string;
  owner: string;
}

/** How many open assignments a creator holds. */
export interface OpenCountRow {
  creator_id: string;
  n: number;
}

/** A creator's open assignment of another campaign, with its window. */
export interface ConflictRow {
  assignmentId: string;
  creatorId: string;
  campaignId: string;
  ownerAgencyId: string;
  windowStart: Date;
  windowEnd: Date;
}

/** A new offer as the fan-out writes it (in bulk, one JSON record per assignment). */
export interface NewAssignmentRow {
  id: string;
  brief_id: string;
  campaign_id: string;
  fan_out_id: string;
  creator_id: string;
  creator_name: string;
  management_company_id: string | null;
  agreement_id: string;
  quantity: number;
  status: 'offered';
  window_start: string;
  window_end: string;
  due_at: string;
  overrides: { kind: string; reason: string | null; by: string }[];
  status_history: StatusChange<'offered'>[];
}

/**
 * Assignments and the agreements they rest on (`assignments`, `agreement_coverage`). Reads that depend on who asks
 * take the caller's visibility (over ASSIGNMENT_PERMISSION_COLUMNS) first and refuse to run without one; statements
 * that belong to a caller's transaction take its EntityManager first.
 */
export class AssignmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Assignments joined with their brief, campaign and agreement, as far as `visibility` lets the caller see. */
  private scoped(visibility: SqlCondition, manager?: EntityManager): SelectQueryBuilder<Assignment> {
    return visibleTo(manager ?? this.dataSource.manager, Assignment, 'a', visibility)
      .select([
        'a.id AS id',
        'a.brief_id AS brief_id',
        'a.campaign_id AS campaign_id',
        'c.owner_agency_id AS owner_agency_id',
        'c.partner_agency_ids AS partner_agency_ids',
        'a.creator_id AS creator_id',
        'a.creator_name AS creator_name',
        'a.management_company_id AS management_company_id',
        'a.agreement_id AS agreement_id',
        'a.status AS status',
        'b.kind AS kind',
        'b.title AS title',
        'b.key_messages AS key_messages',
        'b.platforms AS platforms',
        'b.languages AS languages',
        'a.due_at AS due_at',
        'a.quantity AS quantity',
        'b.fee_per_deliverable AS fee_per_deliverable',
        'a.window_start AS window_start',
        'a.window_end AS window_end',
        'a.flags AS flags',
        'a.overrides AS overrides',
        'a.status_history AS status_history',
        'a.version AS version',
        'a.created_at AS created_at',
        'a.submission_id AS submission_id',
        'c.title AS campaign_title',
        'c.required_hashtags AS required_hashtags',
        'c.key_messages AS campaign_key_messages',
        'ac.disclosure_label AS disclosure_label',
      ])
      .innerJoin('briefs', 'b', 'b.id = a.brief_id')
      .innerJoin('campaigns', 'c', 'c.id = a.campaign_id')
      .leftJoin('agreement_coverage', 'ac', 'ac.agreement_id = a.agreement_id');
  }

  /** One assignment the caller may see (its row locked for the transaction with `lock`), or undefined. */
  findVisible(
    visibility: SqlCondition,
    id: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<AssignmentRow | undefined> {
    const qb = this.scoped(visibility, options.manager).andWhere('a.id = :id', { id });
    if (options.lock) qb.setLock('pessimistic_write', undefined, ['a']);
    return qb.getRawOne<AssignmentRow>();
  }

  /** A page of the assignments the caller may see, newest first (and one more, to know whether more follow). */
  list(visibility: SqlCondition, filter: AssignmentFilter): Promise<AssignmentRow[]> {
    const qb = this.scoped(visibility);
    if (filter.heldBy !== undefined)
      qb.andWhere('(a.creator_id = :me OR a.management_company_id = :me)', { me: filter.heldBy });
    if (filter.campaignId) qb.andWhere('a.campaign_id = :campaignId', { campaignId: filter.campaignId });
    if (filter.briefId) qb.andWhere('a.brief_id = :briefId', { briefId: filter.briefId });
    if (filter.creatorId) qb.andWhere('a.creator_id = :creatorId', { creatorId: filter.creatorId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.beforeId !== undefined) qb.andWhere('a.id < :cursorId', { cursorId: filter.beforeId });
    return qb
      .orderBy('a.id', 'DESC')
      .limit(filter.limit + 1)
      .getRawMany<AssignmentRow>();
  }

  /** The caller's visible assignments not declined, expired or cancelled in the window, earliest first (≤ 2000). */
  calendar(visibility: SqlCondition, query: AssignmentCalendarQuery): Promise<AssignmentRow[]> {
    const qb = this.scoped(visibility)
      .andWhere('a.window_start < :to AND :from < a.window_end', { from: query.from, to: query.to })
      .andWhere(`a.status NOT IN ('declined', 'expired', 'cancelled')`);
    if (query.heldBy !== undefined)
      qb.andWhere('(a.creator_id = :me OR a.management_company_id = :me)', { me: query.heldBy });
    return qb.orderBy('a.window_start').limit(2000).getRawMany<AssignmentRow>();
  }

  /** How many of the campaign's assignments stand in each status (only statuses that have some), by status. */
  countByStatus(campaignId: string): Promise<StatusCountRow[]> {
    return this.dataSource.query<StatusCountRow[]>(
      'SELECT status, count(*)::int AS n FROM assignments WHERE campaign_id = $1 GROUP BY status ORDER BY status',
      [campaignId],
    );
  }

  /** Moves those of `ids` in a `from` status to `to` in one statement (rows locked), noted in their history. */
  move(manager: EntityManager, ids: string[], move: AssignmentMoveRow): Promise<MovedAssignmentRow[]> {
    return updateReturning<MovedAssignmentRow>(
      manager,
      `UPDATE assignments a SET status = $2, version = a.version + 1,
              status_history = a.status_history || jsonb_build_array(jsonb_build_object('from', a.status, 'to', $2::text, 'reason', $3::text, 'at', $4::text, 'by', $5::text))
         FROM (SELECT x.id, x.status AS from_status, c.owner_agency_id || c.partner_agency_ids AS agencies
                 FROM assignments x JOIN campaigns c ON c.id = x.campaign_id
                WHERE x.id = ANY($1) AND x.status = ANY($6) AND x.status <> $2 FOR UPDATE OF x) old
        WHERE a.id = old.id
        RETURNING a.id, a.campaign_id, a.creator_id, old.from_status AS "from", old.agencies`,
      [ids, move.to, move.reason, move.at, move.by, move.from],
    );
  }

  /** Up to 1000 offers unanswered past their due time, soonest first, locked (skipping those another holds). */
  lockOverdueOffers(manager: EntityManager, now: Date): Promise<OverdueOfferRow[]> {
    return manager.query<OverdueOfferRow[]>(
      `SELECT a.id, c.owner_agency_id AS owner FROM assignments a JOIN campaigns c ON c.id = a.campaign_id
          WHERE a.status = 'offered' AND a.due_at < $1 ORDER BY a.due_at LIMIT 1000 FOR UPDATE OF a SKIP LOCKED`,
      [now],
    );
  }

  /** Records an agreement as its event tells it, unless a newer event was recorded already. */
  async recordCoverage(manager: EntityManager, row: CoverageRow): Promise<void> {
    await manager.query(
      `INSERT INTO agreement_coverage (agreement_id, agency_id, counterparty_id, status, term_start, term_end, deliverables, disclosure_label, budget, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (agreement_id) DO UPDATE
         SET status = EXCLUDED.status, term_start = EXCLUDED.term_start, term_end = EXCLUDED.term_end, deliverables = EXCLUDED.deliverables,
             disclosure_label = COALESCE(EXCLUDED.disclosure_label, agreement_coverage.disclosure_label),
             budget = COALESCE(EXCLUDED.budget, agreement_coverage.budget), updated_at = EXCLUDED.updated_at
       WHERE agreement_coverage.updated_at <= EXCLUDED.updated_at`,
      [
        row.agreementId,
        row.agencyId,
        row.counterpartyId,
        row.status,
        row.termStart,
        row.termEnd,
        JSON.stringify(row.deliverables),
        row.disclosureLabel,
        row.budget,
        row.at,
      ],
    );
  }

  /** Flags the open assignments of an agreement that ended (once). */
  async flagAgreementEnded(manager: EntityManager, agreementId: string): Promise<void> {
    await manager.query(
      `UPDATE assignments SET flags = array_append(flags, 'agreement_ended'), version = version + 1
        WHERE agreement_id = $1 AND status NOT IN ('declined', 'expired', 'cancelled', 'closed') AND NOT ('agreement_ended' = ANY(flags))`,
      [agreementId],
    );
  }

  /** The agreement's assignments whose content was not submitted yet (offered or accepted). */
  async unstartedUnder(manager: EntityManager, agreementId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM assignments WHERE agreement_id = $1 AND status IN ('offered', 'accepted')`,
      [agreementId],
    );
    return rows.map((r) => r.id);
  }

  /** The creator's offers not answered yet. */
  async offeredTo(manager: EntityManager, creatorId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM assignments WHERE creator_id = $1 AND status = 'offered'`,
      [creatorId],
    );
    return rows.map((r) => r.id);
  }

  /** Remembers the assignment's latest submission (from the content approval service's events). */
  async linkSubmission(manager: EntityManager, assignmentId: string, submissionId: string): Promise<void> {
    await manager.query('UPDATE assignments SET submission_id = $2 WHERE id = $1', [assignmentId, submissionId]);
  }

  /** The active agreements of these creators and companies, with what their assignments in `quotaStatuses` take. */
  async coveringAgreements(
    manager: EntityManager,
    ownerIds: string[],
    quotaStatuses: readonly AssignmentStatusName[],
  ): Promise<CoveringAgreement[]> {
    const rows = await manager.query<(Omit<CoveringAgreement, 'used'> & { used: string | number })[]>(
      `SELECT ac.agreement_id AS "agreementId", ac.counterparty_id AS "counterpartyId", to_char(ac.term_start, 'YYYY-MM-DD') AS "termStart",
              to_char(ac.term_end, 'YYYY-MM-DD') AS "termEnd", ac.deliverables,
              COALESCE((SELECT sum(a.quantity) FROM assignments a WHERE a.agreement_id = ac.agreement_id AND a.status = ANY($2)), 0) AS used
         FROM agreement_coverage ac
        WHERE ac.counterparty_id = ANY($1) AND ac.status = 'active'`,
      [ownerIds, quotaStatuses],
    );
    return rows.map((a) => ({ ...a, used: Number(a.used) }));
  }

  /** How many assignments in one of `openStatuses` each of these creators holds (creators with none are left out). */
  openCounts(
    manager: EntityManager,
    creatorIds: string[],
    openStatuses: readonly AssignmentStatusName[],
  ): Promise<OpenCountRow[]> {
    return manager.query<OpenCountRow[]>(
      `SELECT creator_id, count(*)::int AS n FROM assignments WHERE creator_id = ANY($1) AND status = ANY($2) GROUP BY creator_id`,
      [creatorIds, openStatuses],
    );
  }

  /** These creators' assignments in one of `openStatuses` of other campaigns whose window overlaps the given one. */
  windowConflicts(
    manager: EntityManager,
    creatorIds: string[],
    openStatuses: readonly AssignmentStatusName[],
    campaignId: string,
    window: { start: Date; end: Date },
  ): Promise<ConflictRow[]> {
    return manager.query<ConflictRow[]>(
      `SELECT a.id AS "assignmentId", a.creator_id AS "creatorId", a.campaign_id AS "campaignId", c.owner_agency_id AS "ownerAgencyId",
              a.window_start AS "windowStart", a.window_end AS "windowEnd"
         FROM assignments a JOIN campaigns c ON c.id = a.campaign_id
        WHERE a.creator_id = ANY($1) AND a.status = ANY($2) AND a.campaign_id <> $3 AND a.window_start < $5 AND $4 < a.window_end
        ORDER BY a.window_start`,
      [creatorIds, openStatuses, campaignId, window.start, window.end],
    );
  }

  /** Which of these creators were offered the brief already (an offer not cancelled or expired). */
  async offeredTheBrief(manager: EntityManager, briefId: string, creatorIds: string[]): Promise<string[]> {
    const rows = await manager.query<{ creator_id: string }[]>(
      `SELECT DISTINCT creator_id FROM assignments WHERE brief_id = $1 AND creator_id = ANY($2) AND status NOT IN ('cancelled', 'expired')`,
      [briefId, creatorIds],
    );
    return rows.map((r) => r.creator_id);
  }

  /** Stores a batch of offers in one statement (hand-written bulk INSERT from a JSON array of records). */
  async offer(manager: EntityManager, offers: NewAssignmentRow[]): Promise<void> {
    await manager.query(
      `INSERT INTO assignments (id, brief_id, campaign_id, fan_out_id, creator_id, creator_name, management_company_id, agreement_id, quantity, status,
                                window_start, window_end, due_at, overrides, status_history, version)
       SELECT id, brief_id, campaign_id, fan_out_id, creator_id, creator_name, management_company_id, agreement_id, quantity, status,
              window_start, window_end, due_at, overrides, status_history, 1
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, brief_id uuid, campaign_id uuid, fan_out_id uuid, creator_id uuid, creator_name text,
              management_company_id uuid, agreement_id uuid, quantity int, status text, window_start timestamptz, window_end timestamptz,
              due_at timestamptz, overrides jsonb, status_history jsonb)`,
      [JSON.stringify(offers)],
    );
  }
}
