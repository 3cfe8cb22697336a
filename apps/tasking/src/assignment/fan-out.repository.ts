import type { DataSource, EntityManager } from 'typeorm';
import { updateReturning } from '@concord/database';
import type { Actor, FanOutResult, FanOutStatusName } from '@concord/domain';

/** A fan-out about to start (stored `running`; `total` known at once for a list of creator ids). */
export interface NewFanOutRow {
  id: string;
  briefId: string;
  campaignId: string;
  target: 'creators' | 'filter';
  creatorIds: string[] | null;
  filter: Record<string, unknown> | null;
  overrides: { creatorId: string; reason: string }[];
  actor: Actor;
  correlationId: string;
  total: number | null;
  createdBy: string;
}

/** A fan-out as its followers see it, with its campaign's owner. */
export interface FanOutViewRow {
  id: string;
  brief_id: string;
  campaign_id: string;
  owner_agency_id: string;
  target: 'creators' | 'filter';
  status: FanOutStatusName;
  reason: string | null;
  failed_attempts: number;
  total: number | null;
  processed: number;
  offered: number;
  skipped: number;
  skipped_by_reason: Record<string, number>;
  created_by: string;
  created_at: Date;
  completed_at: Date | null;
}

/** A page of a fan-out's per-creator results (`seq`: the position in the fan-out, the page's cursor). */
export type FanOutResultRow = FanOutResult & { seq: number };

/** Which results a page shows: after a position, by outcome and reason. */
export interface FanOutResultQuery {
  afterSeq: number;
  outcome?: string;
  reason?: string;
  limit: number;
}

/** A fan-out a campaign manager cancels, locked, with what its end event tells and its campaign's agencies. */
export interface FanOutToCancelRow {
  status: FanOutStatusName;
  brief_id: string;
  campaign_id: string;
  processed: number;
  offered: number;
  owner_agency_id: string;
  partner_agency_ids: string[];
}

/** A running fan-out as the runner works it: where it stands, and this batch's slice of its creator ids. */
export interface FanOutBatchRow {
  id: string;
  brief_id: string;
  campaign_id: string;
  target: 'creators' | 'filter';
  /** This batch's ids (creator-id fan-outs). */
  page_ids: string[] | null;
  id_count: number | null;
  filter: Record<string, unknown> | null;
  overrides: { creatorId: string; reason: string }[];
  actor: Actor;
  correlation_id: string;
  status: FanOutStatusName;
  cursor_after: string | null;
  cursor_index: number;
  total: number | null;
  processed: number;
}

/** Where a fan-out's cursor stands, as locked for a batch. */
export type FanOutCursorRow = Pick<FanOutBatchRow, 'status' | 'cursor_index' | 'cursor_after'>;

/** One creator's outcome in a batch, as stored (in bulk, one JSON record per creator). */
export interface NewFanOutResultRow {
  seq: number;
  creator_id: string;
  display_name: string | null;
  outcome: 'offered' | 'skipped';
  reason: string | null;
  detail: string | null;
  assignment_id: string | null;
  overridden: string[];
}

/** What a committed batch adds to its fan-out, and where the cursor goes next. */
export interface FanOutBatchProgress {
  cursorAfter: string | null;
  cursorIndex: number;
  /** The count of creators, once known (null keeps the stored one). */
  total: number | null;
  processed: number;
  offered: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  /** `running`, or `completed` (which stamps completed_at). */
  status: FanOutStatusName;
}

/** A fan-out's counters after a batch. */
export interface FanOutCountsRow {
  total: number | null;
  processed: number;
  offered: number;
  skipped: number;
}

/** A fan-out whose attempt failed, locked, with what its failure event and audit entry tell. */
export interface FanOutFailingRow {
  brief_id: string;
  campaign_id: string;
  actor: Actor;
  correlation_id: string;
  status: FanOutStatusName;
  processed: number;
  offered: number;
  failed_attempts: number;
}

/** The transaction-scoped lock that lets one fan-out batch commit at a time, in any instance. */
const BATCH_LOCK = 'tasking:fan_out_batches';

/**
 * Fan-outs and their per-creator results (`fan_outs`, `fan_out_results`), and the advisory locks that give each
 * fan-out one worker at a time. Statements that belong to a caller's transaction or session (the runner's query
 * runner) take its EntityManager first.
 */
export class FanOutRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a new running fan-out. */
  async start(manager: EntityManager, fanOut: NewFanOutRow): Promise<void> {
    await manager.query(
      `INSERT INTO fan_outs (id, brief_id, campaign_id, target, creator_ids, filter, overrides, actor, correlation_id, status, total, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'running', $10, $11)`,
      [
        fanOut.id,
        fanOut.briefId,
        fanOut.campaignId,
        fanOut.target,
        fanOut.creatorIds,
        fanOut.filter ? JSON.stringify(fanOut.filter) : null,
        JSON.stringify(fanOut.overrides),
        JSON.stringify(fanOut.actor),
        fanOut.correlationId,
        fanOut.total,
        fanOut.createdBy,
      ],
    );
  }

  /** The fan-out as its followers see it, or undefined. */
  async findView(id: string): Promise<FanOutViewRow | undefined> {
    const [row] = await this.dataSource.query<FanOutViewRow[]>(
      `SELECT f.id, f.brief_id, f.campaign_id, c.owner_agency_id, f.target, f.status, f.total, f.processed, f.offered, f.skipped, f.skipped_by_reason,
              f.reason, f.failed_attempts, f.created_by, f.created_at, f.completed_at
         FROM fan_outs f JOIN campaigns c ON c.id = f.campaign_id WHERE f.id = $1`,
      [id],
    );
    return row;
  }

  /** A page of the fan-out's results in order (and one more, to know whether another page follows). */
  results(fanOutId: string, query: FanOutResultQuery): Promise<FanOutResultRow[]> {
    return this.dataSource.query<FanOutResultRow[]>(
      `SELECT seq, creator_id AS "creatorId", display_name AS "displayName", outcome, reason, detail, assignment_id AS "assignmentId", overridden
         FROM fan_out_results
        WHERE fan_out_id = $1 AND seq > $2 AND ($3::text IS NULL OR outcome = $3) AND ($4::text IS NULL OR reason = $4)
        ORDER BY seq LIMIT $5`,
      [fanOutId, query.afterSeq, query.outcome ?? null, query.reason ?? null, query.limit + 1],
    );
  }

  /** The fan-out to cancel, locked for the transaction, or undefined. */
  async lockToCancel(manager: EntityManager, id: string): Promise<FanOutToCancelRow | undefined> {
    const [row] = await manager.query<FanOutToCancelRow[]>(
      `SELECT f.status, f.brief_id, f.campaign_id, f.processed, f.offered, c.owner_agency_id, c.partner_agency_ids
           FROM fan_outs f JOIN campaigns c ON c.id = f.campaign_id WHERE f.id = $1 FOR UPDATE OF f`,
      [id],
    );
    return row;
  }

  /** Records that the fan-out was cancelled (`status`), with the reason: no more attempts. */
  async recordCancelled(manager: EntityManager, id: string, status: FanOutStatusName, reason: string): Promise<void> {
    await manager.query(
      `UPDATE fan_outs SET status = $2, reason = $3, next_attempt_at = NULL, completed_at = now() WHERE id = $1`,
      [id, status, reason],
    );
  }

  /**
   * Creators that running fan-outs (of every instance) have yet to decide, as far as their totals are known
   * (concord_fan_out_remaining, read on scrape; ADR 0027).
   */
  async remaining(): Promise<number> {
    const rows = await this.dataSource.query<{ n: string | null }[]>(
      `SELECT sum(greatest(coalesce(total, cardinality(creator_ids), processed) - processed, 0)) AS n
         FROM fan_outs WHERE status = 'running'`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Up to `limit` running fan-outs not waiting out a backoff, least recently attempted (never attempted first). */
  async dueForATurn(limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM fan_outs
          WHERE status = 'running' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
          ORDER BY last_attempt_at NULLS FIRST, created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** Takes the fan-out for this session (an advisory lock, gone with the connection); false if another holds it. */
  async tryTake(manager: EntityManager, id: string): Promise<boolean> {
    const [{ locked }] = await manager.query<{ locked: boolean }[]>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [`fan_out:${id}`],
    );
    return locked;
  }

  /** Lets the fan-out go (the session advisory lock `tryTake` took). */
  async letGo(manager: EntityManager, id: string): Promise<void> {
    await manager.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`fan_out:${id}`]);
  }

  /** Stamps the fan-out's attempt (its turn comes after the others' then). */
  async markAttempted(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE fan_outs SET last_attempt_at = now() WHERE id = $1', [id]);
  }

  /** The fan-out where it stands, with only this batch's slice of its creator ids; or undefined. */
  async forBatch(manager: EntityManager, id: string, batchSize: number): Promise<FanOutBatchRow | undefined> {
    const [row] = await manager.query<FanOutBatchRow[]>(
      `SELECT id, brief_id, campaign_id, target, filter, overrides, actor, correlation_id, status, cursor_after, cursor_index, total, processed,
              creator_ids[cursor_index + 1 : cursor_index + $2] AS page_ids, cardinality(creator_ids) AS id_count
         FROM fan_outs WHERE id = $1`,
      [id, batchSize],
    );
    return row;
  }

  /** Waits for the transaction's turn to commit a batch (one at a time across instances; released at commit). */
  async awaitBatchTurn(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [BATCH_LOCK]);
  }

  /** Locks the fan-out for the transaction and tells where its cursor stands. */
  async lockCursor(manager: EntityManager, id: string): Promise<FanOutCursorRow> {
    const [current] = await manager.query<FanOutCursorRow[]>(
      'SELECT status, cursor_index, cursor_after FROM fan_outs WHERE id = $1 FOR UPDATE',
      [id],
    );
    return current;
  }

  /** Stores a batch's per-creator results in one statement (hand-written bulk INSERT from a JSON array of records). */
  async recordResults(manager: EntityManager, fanOutId: string, results: NewFanOutResultRow[]): Promise<void> {
    await manager.query(
      `INSERT INTO fan_out_results (fan_out_id, seq, creator_id, display_name, outcome, reason, detail, assignment_id, overridden)
         SELECT $1, seq, creator_id, display_name, outcome, reason, detail, assignment_id, ARRAY(SELECT jsonb_array_elements_text(overridden))
           FROM jsonb_to_recordset($2::jsonb) AS x(seq int, creator_id uuid, display_name text, outcome text, reason text, detail text, assignment_id uuid, overridden jsonb)`,
      [fanOutId, JSON.stringify(results)],
    );
  }

  /** Moves the cursor on and adds the batch's counts (a successful batch clears any failure); returns the counters. */
  async recordBatch(manager: EntityManager, id: string, batch: FanOutBatchProgress): Promise<FanOutCountsRow> {
    const [updated] = await updateReturning<FanOutCountsRow>(
      manager,
      `UPDATE fan_outs SET
         cursor_after = $2, cursor_index = $3, total = COALESCE($4, total), processed = processed + $5, offered = offered + $6, skipped = skipped + $7,
         skipped_by_reason = (SELECT COALESCE(jsonb_object_agg(k, v), '{}') FROM (
             SELECT k, sum(v::int) AS v FROM (SELECT * FROM jsonb_each_text(skipped_by_reason) UNION ALL SELECT * FROM jsonb_each_text($8::jsonb)) s(k, v) GROUP BY k) t),
         batches = batches + 1, status = $9, completed_at = CASE WHEN $9 = 'completed' THEN now() ELSE NULL END,
         failed_attempts = 0, next_attempt_at = NULL, reason = NULL
       WHERE id = $1
       RETURNING total, processed, offered, skipped`,
      [
        id,
        batch.cursorAfter,
        batch.cursorIndex,
        batch.total,
        batch.processed,
        batch.offered,
        batch.skipped,
        JSON.stringify(batch.skippedByReason),
        batch.status,
      ],
    );
    return updated;
  }

  /** The fan-out whose attempt failed, locked for the transaction, or undefined. */
  async lockFailing(manager: EntityManager, id: string): Promise<FanOutFailingRow | undefined> {
    const [row] = await manager.query<FanOutFailingRow[]>(
      'SELECT brief_id, campaign_id, actor, correlation_id, status, processed, offered, failed_attempts FROM fan_outs WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row;
  }

  /** Records a failed attempt (the `failures`-th in a row) and when to try again, `delayMs` from now. */
  async scheduleRetry(
    manager: EntityManager,
    id: string,
    failures: number,
    reason: string,
    delayMs: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE fan_outs SET failed_attempts = $2, reason = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [id, failures, reason, delayMs / 1000],
    );
  }

  /** Records that the fan-out failed (`status`) after `failures` attempts in a row, and why: no more attempts. */
  async recordFailed(
    manager: EntityManager,
    id: string,
    status: FanOutStatusName,
    failures: number,
    reason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE fan_outs SET status = $2, failed_attempts = $3, reason = $4, next_attempt_at = NULL, completed_at = now() WHERE id = $1`,
      [id, status, failures, reason],
    );
  }
}
