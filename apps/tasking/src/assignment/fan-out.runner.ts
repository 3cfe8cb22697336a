import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import {
  BUSY_ASSIGNMENT_STATUSES,
  CreatorSelectReply,
  decideOffer,
  EVENTS,
  fanOutMachine,
  fanOutRetryDelayMs,
  newId,
  QUOTA_ASSIGNMENT_STATUSES,
  SUBJECTS,
  type CoveringAgreement,
  type EventDataOf,
  type CreatorCandidate,
  type CreatorSelectRequest,
  type FanOutDecision,
  firstStatus,
} from '@concord/domain';
import { appendAudit } from '@concord/audit';
import { recordEvent, recordEvents, WakeableLoop, type ProcessMetrics, type ServiceClient } from '@concord/messaging';
import type { BriefTermsRow, CampaignRepository } from '../campaign/campaign.repository';
import type { AssignmentRepository, NewAssignmentRow } from './assignment.repository';
import type { FanOutBatchRow, FanOutRepository, NewFanOutResultRow } from './fan-out.repository';

export interface FanOutRunnerOptions {
  /** Open assignments a creator may hold at once. */
  capacity: number;
  /** Creators per batch: one registry page, one transaction. */
  batchSize: number;
  /** How often to look for unfinished fan-outs when nobody calls `wake()`. */
  pollMs: number;
  log: (message: string) => void;
  /** Failed attempts in a row before a fan-out is failed. */
  maxAttempts: number;
  /** The first retry's delay (then doubling, at most a minute). */
  retryBaseMs: number;
  /** concord_fan_out_offered_total (offers committed here) and concord_fan_out_remaining (read on scrape; ADR 0027). */
  metrics?: ProcessMetrics;
}

interface Page {
  /** In processing order; null where the registry has no such creator. */
  entries: { creatorId: string; candidate: CreatorCandidate | null }[];
  total: number | null;
  /** The cursor after this page, or done. */
  next: { after: string | null; index: number } | 'done';
}

/** Fan-outs looked at per round. */
const PER_ROUND = 20;
/** Batches of one fan-out per turn: then the next fan-out gets its turn, so a long one holds up no other. */
const BATCHES_PER_TURN = 10;

/**
 * Works through unfinished fan-outs, a batch at a time: ask the registry for
 * a page of creators, then decide, store the offers, their events, the
 * per-creator results and the fan-out's new cursor in one transaction. A
 * process or NATS that dies mid-way loses at most an uncommitted batch,
 * which the next run (here or in another instance) does again from the
 * stored cursor; nothing is offered twice. Each fan-out is worked by one
 * process at a time: it holds a session advisory lock, which PostgreSQL
 * releases the moment that process's connection dies.
 *
 * Fair: each round takes the running fan-outs attempted least recently
 * (never attempted first) and gives each a turn of a few batches. A failed
 * attempt (e.g. the registry does not answer) is logged in one line and
 * retried after a doubling backoff, during which the fan-out waits its turn
 * without taking one; after `maxAttempts` failures in a row it is failed,
 * with the reason, an audit entry and an event. A cancelled fan-out stops
 * before its next batch.
 */
export class FanOutRunner {
  private readonly loop: WakeableLoop;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly fanOuts: FanOutRepository,
    private readonly assignments: AssignmentRepository,
    private readonly campaigns: CampaignRepository,
    private readonly registry: ServiceClient,
    private readonly options: FanOutRunnerOptions,
    private readonly onCommitted: () => void,
  ) {
    this.loop = new WakeableLoop(() => this.tick(), options.pollMs);
    options.metrics?.watchFanOuts(() => fanOuts.remaining());
  }

  start(): void {
    this.stopped = false;
    this.loop.start();
  }

  /** A fan-out was just started: look now. */
  wake(): void {
    this.loop.wake();
  }

  /** Stops after the batch in flight (its transaction commits or rolls back whole). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop.stop();
  }

  private async tick(): Promise<void> {
    try {
      const due = await this.fanOuts.dueForATurn(PER_ROUND);
      let unfinished = false;
      for (const id of due) {
        if (this.stopped) return;
        if ((await this.runOne(id)) === 'more') unfinished = true;
      }
      // Work is left that is not waiting out a backoff: the next round at once.
      if (unfinished || due.length === PER_ROUND) this.loop.wake();
    } catch (error) {
      this.options.log(`fan-out runner: ${(error as Error).message}; will retry`);
    }
  }

  /**
   * Gives one fan-out a turn of up to BATCHES_PER_TURN batches, unless
   * another process holds it. 'more' when it has batches left.
   */
  private async runOne(id: string): Promise<'done' | 'more' | 'skipped'> {
    const qr = this.dataSource.createQueryRunner();
    let locked = false;
    try {
      await qr.connect();
      locked = await this.fanOuts.tryTake(qr.manager, id);
      if (!locked) return 'skipped';
      await this.fanOuts.markAttempted(qr.manager, id);
      for (let n = 0; n < BATCHES_PER_TURN && !this.stopped; n++) {
        const done = await this.runBatch(qr, id);
        this.onCommitted();
        if (done) return 'done';
      }
      return 'more';
    } catch (error) {
      await this.recordFailure(qr, id, error as Error).catch((e: Error) =>
        this.options.log(`fan-out ${id}: ${(error as Error).message}; recording the failure failed too: ${e.message}`),
      );
      return 'skipped';
    } finally {
      if (locked) await this.fanOuts.letGo(qr.manager, id).catch(() => undefined);
      await qr.release();
    }
  }

  /** One batch; true when the fan-out is complete. */
  private async runBatch(qr: QueryRunner, id: string): Promise<boolean> {
    // Only this batch's slice of a long id list (20,000 ids are not read 20 times over).
    const row = await this.fanOuts.forBatch(qr.manager, id, this.options.batchSize);
    if (!row || row.status !== 'running') return true;
    const page = await this.fetchPage(row);

    await qr.startTransaction();
    try {
      const m = qr.manager;
      await this.fanOuts.awaitBatchTurn(m);
      const current = await this.fanOuts.lockCursor(m, id);
      if (
        current.status !== 'running' ||
        current.cursor_index !== row.cursor_index ||
        current.cursor_after !== row.cursor_after
      ) {
        // Someone else moved it on (or cancelled it) meanwhile; start over from what is stored.
        await qr.rollbackTransaction();
        return current.status !== 'running';
      }
      const { done, offered } = await this.applyPage(m, row, page);
      await qr.commitTransaction();
      if (offered) this.options.metrics?.countFanOutOffered(offered);
      return done;
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw error;
    }
  }

  private async fetchPage(row: FanOutBatchRow): Promise<Page> {
    const size = this.options.batchSize;
    if (row.target === 'creators') {
      const ids = row.page_ids ?? [];
      const reply = ids.length
        ? await this.select(row, { creatorIds: ids, limit: ids.length, count: false })
        : { items: [], total: null, nextAfter: null };
      const found = new Map(reply.items.map((c) => [c.creatorId, c]));
      const index = row.cursor_index + ids.length;
      return {
        entries: ids.map((creatorId) => ({ creatorId, candidate: found.get(creatorId) ?? null })),
        total: row.id_count ?? 0,
        next: index >= (row.id_count ?? 0) ? 'done' : { after: null, index },
      };
    }
    const reply = await this.select(row, {
      filter: row.filter ?? {},
      ...(row.cursor_after ? { after: row.cursor_after } : {}),
      limit: size,
      count: row.total === null,
    });
    return {
      entries: reply.items.map((c) => ({ creatorId: c.creatorId, candidate: c })),
      total: reply.total ?? row.total,
      next: reply.nextAfter ? { after: reply.nextAfter, index: row.cursor_index + reply.items.length } : 'done',
    };
  }

  private async select(row: FanOutBatchRow, request: Partial<CreatorSelectRequest>) {
    const reply = await this.registry.request(SUBJECTS.registry.creatorSelect, request, row.actor, {
      correlationId: row.correlation_id,
    });
    return CreatorSelectReply.parse(reply);
  }

  /** Decides every creator of the page and stores the lot; done when this was the last page, and how many were offered. */
  private async applyPage(
    m: EntityManager,
    row: FanOutBatchRow,
    page: Page,
  ): Promise<{ done: boolean; offered: number }> {
    const brief = await this.campaigns.briefTerms(m, row.brief_id);
    const creatorIds = page.entries.map((e) => e.creatorId);
    const companyIds = [
      ...new Set(page.entries.map((e) => e.candidate?.managementCompanyId).filter((x): x is string => !!x)),
    ];
    const circumstances = await this.circumstances(m, row, brief, creatorIds, companyIds);
    const overrides = new Map(row.overrides.map((o) => [o.creatorId, o.reason]));
    const briefForRules = { platforms: brief.platforms, dueDate: brief.due_date, quantity: brief.quantity };

    const now = new Date().toISOString();
    const offers: NewAssignmentRow[] = [];
    const offeredEvents: EventDataOf<typeof EVENTS.tasking.assignmentOffered>[] = [];
    const results: NewFanOutResultRow[] = [];
    const skippedByReason: Record<string, number> = {};
    const overrideAudits: { creatorId: string; assignmentId: string; kinds: string[]; reason: string }[] = [];
    page.entries.forEach(({ creatorId, candidate }, i) => {
      const agreements = [creatorId, candidate?.managementCompanyId].flatMap((owner) =>
        owner ? (circumstances.agreementsOf.get(owner) ?? []) : [],
      );
      const decision: FanOutDecision = decideOffer(
        candidate ? { ...candidate } : null,
        briefForRules,
        {
          agreements,
          openAssignments: circumstances.open.get(creatorId) ?? 0,
          conflicts: circumstances.conflicts.get(creatorId) ?? [],
          alreadyOffered: circumstances.alreadyOffered.has(creatorId),
          overrideReason: overrides.get(creatorId) ?? null,
        },
        this.options.capacity,
      );
      const seq = row.processed + i;
      if (decision.outcome === 'skipped') {
        skippedByReason[decision.reason] = (skippedByReason[decision.reason] ?? 0) + 1;
        results.push({
          seq,
          creator_id: creatorId,
          display_name: candidate?.displayName ?? null,
          outcome: 'skipped',
          reason: decision.reason,
          detail: decision.detail,
          assignment_id: null,
          overridden: [],
        });
        return;
      }
      const id = newId();
      // Later creators of this batch see what this offer used.
      const agreement = agreements.find((a) => a.agreementId === decision.agreementId)!;
      agreement.used += brief.quantity;
      circumstances.open.set(creatorId, (circumstances.open.get(creatorId) ?? 0) + 1);
      const reason = overrides.get(creatorId) ?? null;
      offers.push({
        id,
        brief_id: row.brief_id,
        campaign_id: row.campaign_id,
        fan_out_id: row.id,
        creator_id: creatorId,
        creator_name: candidate!.displayName,
        management_company_id: candidate!.managementCompanyId,
        agreement_id: decision.agreementId,
        quantity: brief.quantity,
        status: 'offered',
        window_start: brief.window_start.toISOString(),
        window_end: brief.window_end.toISOString(),
        due_at: brief.due_at.toISOString(),
        overrides: decision.overridden.map((kind) => ({ kind, reason, by: row.actor.userId })),
        status_history: firstStatus('offered', row.actor.userId, now),
      });
      offeredEvents.push({
        assignmentId: id,
        fanOutId: row.id,
        briefId: row.brief_id,
        campaignId: row.campaign_id,
        creatorId,
        agreementId: decision.agreementId,
        dueAt: brief.due_at.toISOString(),
      });
      results.push({
        seq,
        creator_id: creatorId,
        display_name: candidate!.displayName,
        outcome: 'offered',
        reason: null,
        detail: null,
        assignment_id: id,
        overridden: decision.overridden,
      });
      if (decision.overridden.length)
        overrideAudits.push({ creatorId, assignmentId: id, kinds: decision.overridden, reason: reason! });
    });

    // One statement each for the batch's offers and its results, however many creators it has.
    if (offers.length) await this.assignments.offer(m, offers);
    if (results.length) await this.fanOuts.recordResults(m, row.id, results);
    await recordEvents(m, EVENTS.tasking.assignmentOffered, row.actor, offeredEvents, row.correlation_id);
    for (const o of overrideAudits) {
      await appendAudit(m, {
        actor: row.actor,
        action: 'assignment.offered_with_override',
        subject: `assignment:${o.assignmentId}`,
        reason: o.reason,
        data: { creatorId: o.creatorId, overridden: o.kinds },
      });
    }

    const done = page.next === 'done';
    const offered = offers.length;
    const skipped = results.length - offered;
    const updated = await this.fanOuts.recordBatch(m, row.id, {
      cursorAfter: done ? row.cursor_after : (page.next as { after: string | null }).after,
      cursorIndex: done ? row.cursor_index + page.entries.length : (page.next as { index: number }).index,
      total: page.total,
      processed: results.length,
      offered,
      skipped,
      skippedByReason,
      status: done ? fanOutMachine.move(row.status, 'complete') : 'running',
    });
    const progress = {
      fanOutId: row.id,
      briefId: row.brief_id,
      campaignId: row.campaign_id,
      status: done ? ('completed' as const) : ('running' as const),
      ...updated,
    };
    await appendAudit(m, {
      actor: row.actor,
      action: done ? 'fan_out.completed' : 'fan_out.batch',
      subject: `campaign:${row.campaign_id}`,
      data: { fanOutId: row.id, briefId: row.brief_id, batchOffered: offered, batchSkipped: skipped, ...updated },
    });
    await recordEvent(
      m,
      done ? EVENTS.tasking.fanOutCompleted : EVENTS.tasking.fanOutProgressed,
      row.actor,
      progress,
      row.correlation_id,
    );
    return { done, offered };
  }

  /**
   * A failed attempt: one log line; the fan-out waits out a doubling
   * backoff, or, after `maxAttempts` failures in a row, is failed with the
   * reason (audited, and an event says so).
   */
  private async recordFailure(qr: QueryRunner, id: string, error: Error): Promise<void> {
    const reason = error.message;
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    await qr.startTransaction();
    try {
      const m = qr.manager;
      const row = await this.fanOuts.lockFailing(m, id);
      if (!row || row.status !== 'running') {
        await qr.rollbackTransaction();
        return;
      }
      const failures = row.failed_attempts + 1;
      if (failures < this.options.maxAttempts) {
        const delay = fanOutRetryDelayMs(failures, this.options.retryBaseMs);
        await this.fanOuts.scheduleRetry(m, id, failures, reason, delay);
        await qr.commitTransaction();
        this.options.log(
          `fan-out ${id}: attempt ${failures} of ${this.options.maxAttempts} failed (${reason}); next attempt in ${delay} ms`,
        );
        return;
      }
      const status = fanOutMachine.move(row.status, 'fail');
      await this.fanOuts.recordFailed(m, id, status, failures, reason);
      const ended = {
        fanOutId: id,
        briefId: row.brief_id,
        campaignId: row.campaign_id,
        status: 'failed' as const,
        reason,
        processed: row.processed,
        offered: row.offered,
      };
      await appendAudit(m, {
        actor: row.actor,
        action: 'fan_out.failed',
        subject: `campaign:${row.campaign_id}`,
        reason,
        data: { ...ended, attempts: failures },
      });
      await recordEvent(m, EVENTS.tasking.fanOutFailed, row.actor, ended, row.correlation_id);
      await qr.commitTransaction();
      this.onCommitted();
      this.options.log(`fan-out ${id}: failed after ${failures} attempts in a row (${reason})`);
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw e;
    }
  }

  /** What decides each creator of a page: agreements (with quota used), open assignments, calendar conflicts, earlier offers of the brief. */
  private async circumstances(
    m: EntityManager,
    row: FanOutBatchRow,
    brief: BriefTermsRow,
    creatorIds: string[],
    companyIds: string[],
  ) {
    const owners = [...creatorIds, ...companyIds];
    const agreements = await this.assignments.coveringAgreements(m, owners, QUOTA_ASSIGNMENT_STATUSES);
    const agreementsOf = new Map<string, CoveringAgreement[]>();
    for (const a of agreements) {
      const list = agreementsOf.get(a.counterpartyId) ?? [];
      list.push(a);
      agreementsOf.set(a.counterpartyId, list);
    }
    const openRows = await this.assignments.openCounts(m, creatorIds, BUSY_ASSIGNMENT_STATUSES);
    const window = { start: brief.window_start, end: brief.window_end };
    const conflictRows = await this.assignments.windowConflicts(
      m,
      creatorIds,
      BUSY_ASSIGNMENT_STATUSES,
      row.campaign_id,
      window,
    );
    const conflicts = new Map<
      string,
      { assignmentId: string; campaignId: string; ownerAgencyId: string; windowStart: string; windowEnd: string }[]
    >();
    for (const c of conflictRows) {
      const list = conflicts.get(c.creatorId) ?? [];
      list.push({ ...c, windowStart: c.windowStart.toISOString(), windowEnd: c.windowEnd.toISOString() });
      conflicts.set(c.creatorId, list);
    }
    const earlier = await this.assignments.offeredTheBrief(m, row.brief_id, creatorIds);
    return {
      agreementsOf,
      open: new Map(openRows.map((r) => [r.creator_id, r.n])),
      conflicts,
      alreadyOffered: new Set(earlier),
    };
  }
}
