import type { DataSource, EntityManager } from 'typeorm';
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
import { abilityFor, subject, toSqlCondition, type Action, type SqlCondition } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvents } from '@concord/messaging';
import type { UnitOfWork } from '@concord/service-kit';
import type { z } from 'zod';
import type { CampaignRepository } from '../campaign/campaign.repository';
import { campaignsVisibleTo } from '../campaign/campaign.service';
import { ASSIGNMENT_PERMISSION_COLUMNS, type AssignmentRepository, type AssignmentRow } from './assignment.repository';

type Cmd<K extends keyof typeof AssignmentCommands> = Envelope<z.infer<(typeof AssignmentCommands)[K]>>;

/** Which assignments `actor` may `action` (e.g. read), as SQL for AssignmentRepository's reads. */
function assignmentsVisibleTo(actor: Actor, action: Action): SqlCondition {
  return toSqlCondition(abilityFor(actor), action, 'Assignment', ASSIGNMENT_PERMISSION_COLUMNS);
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
    private readonly assignments: AssignmentRepository,
    private readonly campaigns: CampaignRepository,
    private readonly work: UnitOfWork,
  ) {}

  async list(cmd: Cmd<'list'>) {
    const {
      actor,
      data: { query },
    } = cmd;
    const visibility = assignmentsVisibleTo(actor, 'read');
    let heldBy: string | undefined;
    if (query.mine || isCreatorActor(actor)) {
      if (!actor.creatorId) {
        throw new DomainError('validation.failed', 'Only a creator has assignments of their own', [
          { path: 'mine', code: 'not_a_creator', message: 'Sign in as a creator, or leave mine out' },
        ]);
      }
      heldBy = actor.creatorId;
    }
    const rows = await this.assignments.list(visibility, {
      heldBy,
      campaignId: query.campaignId,
      briefId: query.briefId,
      creatorId: query.creatorId,
      status: query.status,
      beforeId: query.cursor ? decodeCursor(query.cursor, UUID_POSITION) : undefined,
      limit: query.limit,
    });
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
    if (!(await this.campaigns.isVisible(campaignsVisibleTo(cmd.actor), cmd.data.id)))
      throw new NotFoundError('campaign', cmd.data.id);
    const rows = await this.assignments.countByStatus(cmd.data.id);
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
      const visibility = campaignsVisibleTo(actor);
      const campaigns = await this.campaigns.calendarCampaigns(visibility, {
        from: query.from,
        to: to.toISOString().slice(0, 10),
      });
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
      const briefs = await this.campaigns.calendarBriefs(visibility, from, to);
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
    const assignments = await this.assignments.calendar(assignmentsVisibleTo(actor, 'read'), {
      from,
      to,
      heldBy: isCreatorActor(actor) ? actor.creatorId : undefined,
    });
    for (const a of assignments) {
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
    const moved = await this.assignments.move(m, ids, {
      to: rule.to,
      from: rule.from,
      reason: change.note,
      at: new Date().toISOString(),
      by: actor.userId,
    });
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
    const result = await this.work.job(async (m) => {
      const due = await this.assignments.lockOverdueOffers(m, now);
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
    return result;
  }

  private async change(
    cmd: Envelope<{ id: string }>,
    action: Action,
    change: AssignmentChange,
    forbidden: string,
  ): Promise<AssignmentView> {
    const { actor } = cmd;
    const view = await this.work.command(cmd, async (m) => {
      const row = await this.find(m, actor, cmd.data.id, true);
      if (!abilityFor(actor).can(action, subject('Assignment', this.fieldsOf(row))))
        throw new DomainError('auth.forbidden', forbidden);
      assignmentMachine.move(row.status, change.move);
      await this.moveMany(m, [row.id], change, actor, cmd.correlationId);
      return this.toView(await this.find(m, actor, row.id), actor);
    });
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

  private async find(m: EntityManager, actor: Actor, id: string, lock = false): Promise<AssignmentRow> {
    const row = await this.assignments.findVisible(assignmentsVisibleTo(actor, 'read'), id, { manager: m, lock });
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
      statusHistory: r.status_history,
      version: r.version,
      createdAt: r.created_at.toISOString(),
    };
  }
}

const dateStart = (day: string) => `${day}T00:00:00.000Z`;
const dateEnd = (day: string) => `${day}T23:59:59.999Z`;
