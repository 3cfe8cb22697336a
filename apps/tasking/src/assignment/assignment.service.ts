import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  assignmentMachine,
  decodeCursor,
  DomainError,
  encodeCursor,
  EVENTS,
  isAssignmentOverdue,
  isCreatorActor,
  NotFoundError,
  UUID_POSITION,
  type Actor,
  type AssignmentCommands,
  type AssignmentMove,
  type AssignmentStatusName,
  type AssignmentView,
  type CalendarEntry,
  type Envelope,
} from '@concord/domain';
import { abilityFor, subject, toSqlCondition, type Action, type ColumnSpec } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvents, transactOnce } from '@concord/messaging';
import type { z } from 'zod';

type Cmd<K extends keyof typeof AssignmentCommands> = Envelope<z.infer<(typeof AssignmentCommands)[K]>>;

const ASSIGNMENT_COLUMNS: Record<string, ColumnSpec> = {
  ownerAgencyId: 'c.owner_agency_id',
  partnerAgencyIds: { array: 'c.partner_agency_ids' },
  creatorId: 'a.creator_id',
  managementCompanyId: 'a.management_company_id',
};
const CAMPAIGN_COLUMNS: Record<string, ColumnSpec> = {
  ownerAgencyId: 'c.owner_agency_id',
  partnerAgencyIds: { array: 'c.partner_agency_ids' },
};

interface AssignmentRow {
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
  history: AssignmentView['history'];
  version: number;
  created_at: Date;
  submission_id: string | null;
  campaign_title: string;
  required_hashtags: string[];
  campaign_key_messages: string[];
  disclosure_label: string | null;
}

/** A move made by someone (a creator, a manager) or by an event of another service. */
export interface AssignmentChange {
  move: AssignmentMove;
  note: string | null;
}

/**
 * Assignments after the fan-out: creators accept or decline theirs,
 * managers cancel, other services' events move them on; lists and the
 * calendar filter in SQL by the same rules that guard each object.
 */
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly onCommitted: () => void,
  ) {}

  async list(cmd: Cmd<'list'>) {
    const {
      actor,
      data: { query },
    } = cmd;
    const qb = this.visible(this.dataSource.manager, actor, 'read');
    if (query.mine || isCreatorActor(actor)) {
      if (!actor.creatorId) {
        throw new DomainError('validation.failed', 'Only a creator has assignments of their own', [
          { path: 'mine', code: 'not_a_creator', message: 'Sign in as a creator, or leave mine out' },
        ]);
      }
      qb.andWhere('(a.creator_id = :me OR a.management_company_id = :me)', { me: actor.creatorId });
    }
    if (query.campaignId) qb.andWhere('a.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (query.briefId) qb.andWhere('a.brief_id = :briefId', { briefId: query.briefId });
    if (query.creatorId) qb.andWhere('a.creator_id = :creatorId', { creatorId: query.creatorId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.cursor) qb.andWhere('a.id < :cursorId', { cursorId: decodeCursor(query.cursor, UUID_POSITION) });
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .limit(query.limit + 1)
      .getRawMany<AssignmentRow>();
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((r) => this.toView(r, actor)),
      nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1].id) : null,
    };
  }

  async get(cmd: Cmd<'get'>): Promise<AssignmentView> {
    return this.toView(await this.find(this.dataSource.manager, cmd.actor, cmd.data.id), cmd.actor);
  }

  /** The creator accepts or declines their offer; nobody else may (creator autonomy). */
  async respond(cmd: Cmd<'respond'>): Promise<AssignmentView> {
    return this.change(
      cmd,
      'respond',
      { move: cmd.data.move, note: cmd.data.input.note ?? null },
      'Only the creator answers their offer',
    );
  }

  /** The owning agency's campaign manager cancels work not yet submitted, with a reason. */
  async cancel(cmd: Cmd<'cancel'>): Promise<AssignmentView> {
    return this.change(
      cmd,
      'update',
      { move: 'cancel', note: cmd.data.input.reason },
      "Only the owning agency's campaign managers cancel an assignment",
    );
  }

  /** How a campaign's assignments stand, by state: what partner agencies follow. */
  async progress(cmd: Cmd<'progress'>) {
    const visibility = toSqlCondition(abilityFor(cmd.actor), 'read', 'Campaign', CAMPAIGN_COLUMNS);
    const campaign = await this.dataSource
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('campaigns', 'c')
      .where(visibility.sql, visibility.params)
      .andWhere('c.id = :id', { id: cmd.data.id })
      .getRawOne<{ id: string }>();
    if (!campaign) throw new NotFoundError('campaign', cmd.data.id);
    const rows: { status: string; n: number }[] = await this.dataSource.query(
      'SELECT status, count(*)::int AS n FROM assignments WHERE campaign_id = $1 GROUP BY status ORDER BY status',
      [cmd.data.id],
    );
    return {
      campaignId: cmd.data.id,
      byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
      total: rows.reduce((s, r) => s + r.n, 0),
    };
  }

  /** Campaigns, due briefs and assignments between two dates, as far as the caller may see them. */
  async calendar(cmd: Cmd<'calendar'>) {
    const {
      actor,
      data: { query },
    } = cmd;
    const from = new Date(`${query.from}T00:00:00Z`);
    const to = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 24 * 3600_000);
    if (to <= from)
      throw new DomainError('validation.failed', 'The calendar ends before it starts', [
        { path: 'to', code: 'before_start', message: 'Give a date on or after from' },
      ]);
    if (to.getTime() - from.getTime() > 367 * 24 * 3600_000) {
      throw new DomainError('validation.failed', 'A calendar spans at most a year', [
        { path: 'to', code: 'too_long', message: 'Ask for a year or less' },
      ]);
    }
    const items: CalendarEntry[] = [];
    if (!isCreatorActor(actor)) {
      const visibility = toSqlCondition(abilityFor(actor), 'read', 'Campaign', CAMPAIGN_COLUMNS);
      const campaigns = await this.dataSource
        .createQueryBuilder()
        .select([
          'c.id AS id',
          'c.owner_agency_id AS owner',
          'c.title AS title',
          "to_char(c.period_start, 'YYYY-MM-DD') AS start",
          "to_char(c.period_end, 'YYYY-MM-DD') AS end",
          'c.status AS status',
        ])
        .from('campaigns', 'c')
        .where(visibility.sql, visibility.params)
        .andWhere('c.period_start < :to AND c.period_end >= :from', {
          from: query.from,
          to: to.toISOString().slice(0, 10),
        })
        .orderBy('c.period_start')
        .limit(500)
        .getRawMany<{ id: string; owner: string; title: string; start: string; end: string; status: string }>();
      for (const c of campaigns) {
        items.push({
          kind: 'campaign',
          id: c.id,
          campaignId: c.id,
          ownerAgencyId: c.owner,
          title: c.title,
          start: dateStart(c.start),
          end: dateEnd(c.end),
          status: c.status,
        });
      }
      const briefs = await this.dataSource
        .createQueryBuilder()
        .select([
          'b.id AS id',
          'b.campaign_id AS campaign',
          'c.owner_agency_id AS owner',
          'b.title AS title',
          'b.window_start AS start',
          'b.due_at AS due',
          'c.status AS status',
        ])
        .from('briefs', 'b')
        .innerJoin('campaigns', 'c', 'c.id = b.campaign_id')
        .where(visibility.sql, visibility.params)
        .andWhere('b.due_at >= :from AND b.due_at < :to', { from, to })
        .orderBy('b.due_at')
        .limit(1000)
        .getRawMany<{
          id: string;
          campaign: string;
          owner: string;
          title: string;
          start: Date;
          due: Date;
          status: string;
        }>();
      for (const b of briefs) {
        items.push({
          kind: 'brief',
          id: b.id,
          campaignId: b.campaign,
          ownerAgencyId: b.owner,
          title: b.title,
          start: b.start.toISOString(),
          end: b.due.toISOString(),
          status: b.status,
        });
      }
    }
    const assignments = this.visible(this.dataSource.manager, actor, 'read')
      .andWhere('a.window_start < :to AND :from < a.window_end', { from, to })
      .andWhere(`a.status NOT IN ('declined', 'expired', 'cancelled')`);
    if (isCreatorActor(actor))
      assignments.andWhere('(a.creator_id = :me OR a.management_company_id = :me)', { me: actor.creatorId });
    for (const a of await assignments.orderBy('a.window_start').limit(2000).getRawMany<AssignmentRow>()) {
      items.push({
        kind: 'assignment',
        id: a.id,
        campaignId: a.campaign_id,
        ownerAgencyId: a.owner_agency_id,
        title: a.title,
        start: a.window_start.toISOString(),
        end: a.window_end.toISOString(),
        status: a.status,
        creatorName: a.creator_name,
      });
    }
    items.sort((x, y) => x.start.localeCompare(y.start) || x.kind.localeCompare(y.kind));
    return { from: query.from, to: query.to, items };
  }

  /**
   * Moves the given assignments, those the move applies to, in one
   * statement, with their events and one audit entry; returns which moved.
   * A move that would leave the status as it is (more reach reported) records nothing.
   * Used by people's commands and by reactions to other services' events.
   */
  async moveMany(
    m: EntityManager,
    ids: string[],
    change: AssignmentChange,
    actor: Actor,
    correlationId?: string,
  ): Promise<{ id: string; from: AssignmentStatusName }[]> {
    if (ids.length === 0) return [];
    const rule = assignmentMachine.table[change.move];
    const moved: {
      id: string;
      campaign_id: string;
      creator_id: string;
      from: AssignmentStatusName;
      agencies: string[];
    }[] = await m.query(
      `UPDATE assignments a SET status = $2, version = a.version + 1,
              history = a.history || jsonb_build_array(jsonb_build_object('from', a.status, 'to', $2::text, 'note', $3::text, 'at', $4::text, 'by', $5::text))
         FROM (SELECT x.id, x.status AS from_status, c.owner_agency_id || c.partner_agency_ids AS agencies
                 FROM assignments x JOIN campaigns c ON c.id = x.campaign_id
                WHERE x.id = ANY($1) AND x.status = ANY($6) AND x.status <> $2 FOR UPDATE OF x) old
        WHERE a.id = old.id
        RETURNING a.id, a.campaign_id, a.creator_id, old.from_status AS "from", old.agencies`,
      [ids, rule.to, change.note, new Date().toISOString(), actor.userId, rule.from],
    );
    if (moved.length === 0) return [];
    await recordEvents(
      m,
      EVENTS.tasking.assignmentStatusChanged,
      actor,
      moved.map((r) => ({
        assignmentId: r.id,
        campaignId: r.campaign_id,
        creatorId: r.creator_id,
        from: r.from,
        to: rule.to,
        note: change.note,
      })),
      correlationId,
    );
    await appendAudit(m, {
      actor,
      action: `assignment.${change.move}`,
      reason: change.note,
      concerns: moved.flatMap((r) => r.agencies),
      subject: moved.length === 1 ? `assignment:${moved[0].id}` : `campaign:${moved[0].campaign_id}`,
      data:
        moved.length === 1
          ? { status: rule.to, from: moved[0].from }
          : { status: rule.to, assignments: moved.map((r) => r.id) },
    });
    return moved.map((r) => ({ id: r.id, from: r.from }));
  }

  /** Offers nobody answered by the brief's due time expire. Returns how many did. */
  async expireOverdueOffers(now = new Date()): Promise<number> {
    const result = await this.dataSource.transaction(async (m) => {
      const due: { id: string; owner: string }[] = await m.query(
        `SELECT a.id, c.owner_agency_id AS owner FROM assignments a JOIN campaigns c ON c.id = a.campaign_id
          WHERE a.status = 'offered' AND a.due_at < $1 ORDER BY a.due_at LIMIT 1000 FOR UPDATE OF a SKIP LOCKED`,
        [now],
      );
      let n = 0;
      for (const owner of new Set(due.map((d) => d.owner))) {
        const system: Actor = { userId: 'system:calendar', orgId: owner, roles: [] };
        n += (
          await this.moveMany(
            m,
            due.filter((d) => d.owner === owner).map((d) => d.id),
            { move: 'expire', note: 'Not answered by the due time' },
            system,
          )
        ).length;
      }
      return n;
    });
    if (result) this.onCommitted();
    return result;
  }

  private async change(
    cmd: Envelope<{ id: string }>,
    action: Action,
    change: AssignmentChange,
    forbidden: string,
  ): Promise<AssignmentView> {
    const { actor } = cmd;
    const view = await transactOnce(this.dataSource, cmd, async (m) => {
      const row = await this.find(m, actor, cmd.data.id, true);
      if (!abilityFor(actor).can(action, subject('Assignment', this.fieldsOf(row))))
        throw new DomainError('auth.forbidden', forbidden);
      assignmentMachine.move(row.status, change.move);
      await this.moveMany(m, [row.id], change, actor, cmd.correlationId);
      return this.toView(await this.find(m, actor, row.id), actor);
    });
    this.onCommitted();
    return view;
  }

  private fieldsOf(row: AssignmentRow) {
    return {
      ownerAgencyId: row.owner_agency_id,
      partnerAgencyIds: row.partner_agency_ids,
      creatorId: row.creator_id,
      managementCompanyId: row.management_company_id,
    };
  }

  private visible(m: EntityManager, actor: Actor, action: Action): SelectQueryBuilder<AssignmentRow & object> {
    const visibility = toSqlCondition(abilityFor(actor), action, 'Assignment', ASSIGNMENT_COLUMNS);
    return m
      .createQueryBuilder()
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
        'a.history AS history',
        'a.version AS version',
        'a.created_at AS created_at',
        'a.submission_id AS submission_id',
        'c.title AS campaign_title',
        'c.required_hashtags AS required_hashtags',
        'c.key_messages AS campaign_key_messages',
        'ac.disclosure_label AS disclosure_label',
      ])
      .from('assignments', 'a')
      .innerJoin('briefs', 'b', 'b.id = a.brief_id')
      .innerJoin('campaigns', 'c', 'c.id = a.campaign_id')
      .leftJoin('agreement_coverage', 'ac', 'ac.agreement_id = a.agreement_id')
      .where(visibility.sql, visibility.params) as SelectQueryBuilder<AssignmentRow & object>;
  }

  private async find(m: EntityManager, actor: Actor, id: string, lock = false): Promise<AssignmentRow> {
    const qb = this.visible(m, actor, 'read').andWhere('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['a']);
    const row = await qb.getRawOne<AssignmentRow>();
    if (!row) throw new NotFoundError('assignment', id);
    return row;
  }

  private toView(r: AssignmentRow, actor: Actor, now = new Date()): AssignmentView {
    // Fees are for the owning agency and the creator (or their company), never for partner agencies.
    const seesFee =
      actor.orgId === r.owner_agency_id ||
      (isCreatorActor(actor) && (actor.creatorId === r.creator_id || actor.creatorId === r.management_company_id));
    return {
      id: r.id,
      briefId: r.brief_id,
      campaignId: r.campaign_id,
      ownerAgencyId: r.owner_agency_id,
      partnerAgencyIds: r.partner_agency_ids,
      creatorId: r.creator_id,
      creatorName: r.creator_name,
      managementCompanyId: r.management_company_id,
      agreementId: r.agreement_id,
      status: r.status,
      brief: {
        kind: r.kind,
        title: r.title,
        keyMessages: r.key_messages,
        platforms: r.platforms,
        languages: r.languages,
        dueAt: r.due_at.toISOString(),
        quantity: r.quantity,
      },
      window: { start: r.window_start.toISOString(), end: r.window_end.toISOString() },
      campaign: {
        title: r.campaign_title,
        requiredHashtags: r.required_hashtags,
        keyMessages: r.campaign_key_messages,
      },
      disclosureLabel: r.disclosure_label,
      submissionId: r.submission_id,
      ...(seesFee ? { feePerDeliverable: Number(r.fee_per_deliverable) } : {}),
      overdue: isAssignmentOverdue(r.status, r.due_at, now),
      flags: r.flags,
      overrides: r.overrides,
      history: r.history,
      version: r.version,
      createdAt: r.created_at.toISOString(),
    };
  }
}

const dateStart = (day: string) => `${day}T00:00:00.000Z`;
const dateEnd = (day: string) => `${day}T23:59:59.999Z`;
