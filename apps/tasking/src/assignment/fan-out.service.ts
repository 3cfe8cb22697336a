import {
  decodeCursor,
  DomainError,
  encodeCursor,
  EVENTS,
  fanOutMachine,
  newId,
  NotFoundError,
  NUMBER_POSITION,
  type Actor,
  type AssignmentCommands,
  type Envelope,
  type FanOutView,
} from '@concord/domain';
import { abilityFor, subject } from '@concord/permissions';
import { appendAudit } from '@concord/audit';
import { recordEvent } from '@concord/messaging';
import type { UnitOfWork } from '@concord/service-kit';
import type { z } from 'zod';
import type { CampaignRepository } from '../campaign/campaign.repository';
import type { FanOutRepository, FanOutViewRow } from './fan-out.repository';

type Cmd<K extends keyof typeof AssignmentCommands> = Envelope<z.infer<(typeof AssignmentCommands)[K]>>;

/**
 * Starting a fan-out and following it. Starting stores the fan-out (once per
 * Idempotency-Key) and hands it to the runner; the caller gets the finished
 * result when it is done within `waitMs`, otherwise its progress so far. A
 * campaign manager of the owning agency may cancel a running one: the
 * offers made so far stay, no more are made.
 */
export class FanOutService {
  constructor(
    private readonly fanOuts: FanOutRepository,
    private readonly campaigns: CampaignRepository,
    private readonly wakeRunner: () => void,
    private readonly waitMs: number,
    private readonly work: UnitOfWork,
  ) {}

  async start(cmd: Cmd<'fanOutStart'>): Promise<FanOutView> {
    const { actor, data } = cmd;
    const { fanOutId } = await this.work.command(cmd, async (m) => {
      const brief = await this.campaigns.lockBriefToFanOut(m, data.id);
      const ability = abilityFor(actor);
      if (!brief) throw new NotFoundError('brief', data.id);
      const campaign = subject('Campaign', {
        ownerAgencyId: brief.owner_agency_id,
        partnerAgencyIds: brief.partner_agency_ids,
      });
      if (!ability.can('read', campaign)) throw new NotFoundError('brief', data.id);
      if (!ability.can('update', campaign))
        throw new DomainError('auth.forbidden', "Only the owning agency's campaign managers fan a brief out");
      if (brief.status !== 'active') {
        throw new DomainError(
          'campaign.not_active',
          `The campaign is ${brief.status}; briefs go out to creators once it is active`,
          [],
          { status: brief.status },
        );
      }
      if (brief.due_at.getTime() < Date.now())
        throw new DomainError('brief.past_due', `The brief was due ${brief.due_at.toISOString()}`);
      const input = data.input;
      const creatorIds = input.creatorIds ? [...new Set(input.creatorIds)] : null;
      const id = newId();
      await this.fanOuts.start(m, {
        id,
        briefId: data.id,
        campaignId: brief.campaign_id,
        target: creatorIds ? 'creators' : 'filter',
        creatorIds,
        filter: input.filter ?? null,
        overrides: input.overrides,
        actor,
        correlationId: cmd.correlationId,
        total: creatorIds?.length ?? null,
        createdBy: actor.userId,
      });
      await appendAudit(m, {
        actor,
        action: 'fan_out.started',
        subject: `campaign:${brief.campaign_id}`,
        data: {
          fanOutId: id,
          briefId: data.id,
          target: creatorIds ? { creators: creatorIds.length } : { filter: input.filter },
          overrides: input.overrides.length,
        },
      });
      return { fanOutId: id };
    });
    this.wakeRunner();
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const row = await this.load(fanOutId);
      if (row.status !== 'running' || Date.now() >= deadline) return this.view(row, { limit: 200 });
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async get(cmd: Cmd<'fanOutGet'>): Promise<FanOutView> {
    const row = await this.load(cmd.data.id);
    if (!this.mayFollow(cmd.actor, row)) throw new NotFoundError('fan-out', cmd.data.id);
    return this.view(row, cmd.data.query);
  }

  async cancel(cmd: Cmd<'fanOutCancel'>): Promise<FanOutView> {
    const { actor, data } = cmd;
    await this.work.command(cmd, async (m) => {
      const row = await this.fanOuts.lockToCancel(m, data.id);
      if (!row || !this.mayFollow(actor, row)) throw new NotFoundError('fan-out', data.id);
      const campaign = subject('Campaign', {
        ownerAgencyId: row.owner_agency_id,
        partnerAgencyIds: row.partner_agency_ids,
      });
      if (!abilityFor(actor).can('update', campaign))
        throw new DomainError('auth.forbidden', "Only the owning agency's campaign managers cancel a fan-out");
      const status = fanOutMachine.move(row.status, 'cancel');
      await this.fanOuts.recordCancelled(m, data.id, status, data.input.reason);
      const ended = {
        fanOutId: data.id,
        briefId: row.brief_id,
        campaignId: row.campaign_id,
        status: 'cancelled' as const,
        reason: data.input.reason,
        processed: row.processed,
        offered: row.offered,
      };
      await appendAudit(m, {
        actor,
        action: 'fan_out.cancelled',
        subject: `campaign:${row.campaign_id}`,
        reason: data.input.reason,
        data: ended,
      });
      await recordEvent(m, EVENTS.tasking.fanOutCancelled, actor, ended, cmd.correlationId);
      return { cancelled: data.id };
    });
    return this.view(await this.load(data.id), { limit: 200 });
  }

  /** Fan-outs (with their skip reasons, which name other campaigns) are for the owning agency's staff. */
  private mayFollow(actor: Actor, row: Pick<FanOutViewRow, 'owner_agency_id'>): boolean {
    return (
      actor.orgId === row.owner_agency_id &&
      abilityFor(actor).can('read', subject('Campaign', { ownerAgencyId: row.owner_agency_id, partnerAgencyIds: [] }))
    );
  }

  private async load(id: string): Promise<FanOutViewRow> {
    const row = await this.fanOuts.findView(id);
    if (!row) throw new NotFoundError('fan-out', id);
    return row;
  }

  private async view(
    row: FanOutViewRow,
    query: { outcome?: string; reason?: string; limit: number; cursor?: string },
  ): Promise<FanOutView> {
    const after = query.cursor ? Number(decodeCursor(query.cursor, NUMBER_POSITION)) : -1;
    const results = await this.fanOuts.results(row.id, {
      afterSeq: after,
      outcome: query.outcome,
      reason: query.reason,
      limit: query.limit,
    });
    const page = results.slice(0, query.limit);
    return {
      id: row.id,
      briefId: row.brief_id,
      campaignId: row.campaign_id,
      status: row.status,
      target: row.target,
      total: row.total,
      processed: row.processed,
      offered: row.offered,
      skipped: row.skipped,
      skippedByReason: row.skipped_by_reason,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
      completedAt: row.completed_at?.toISOString() ?? null,
      reason: row.reason,
      failedAttempts: row.failed_attempts,
      results: page.map(({ seq: _seq, ...r }) => r),
      nextCursor: results.length > query.limit ? encodeCursor(String(page[page.length - 1].seq)) : null,
    };
  }
}
