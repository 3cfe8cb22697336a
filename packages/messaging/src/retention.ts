import type { DataSource } from 'typeorm';
import { DUPLICATE_WINDOW_MS } from './event-stream';
import { PeriodicJob } from './periodic-job';

/** One kind of row kept for a while and then pruned: `expired` is an SQL condition on the row, `$1` the cutoff. */
export interface RetainedRows {
  table: string;
  /** e.g. `created_at < $1`; rows matching it may go. */
  expired: string;
  retentionMs: number;
}

/** Rows deleted per statement: short transactions and locks, however much has piled up. */
export const PRUNE_BATCH = 500;
/** How often a process prunes. */
export const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Retention must outlast JetStream's duplicate window: a processed command
 * or an outbox row still inside it may be retried or republished, and must
 * still be recognised.
 */
export function checkRetention(retentionMs: number, what: string): number {
  if (retentionMs <= DUPLICATE_WINDOW_MS) {
    throw new Error(
      `${what} retention (${retentionMs} ms) must be longer than the JetStream duplicate window (${DUPLICATE_WINDOW_MS} ms)`,
    );
  }
  return retentionMs;
}

/**
 * Deletes expired rows in batches of `batch`, each its own short statement;
 * rows another instance is deleting are skipped (`FOR UPDATE SKIP LOCKED`),
 * so several instances prune side by side. Returns how many rows went, per
 * table.
 */
export async function pruneExpired(
  dataSource: DataSource,
  kinds: readonly RetainedRows[],
  batch = PRUNE_BATCH,
): Promise<Record<string, number>> {
  const pruned: Record<string, number> = {};
  for (const kind of kinds) {
    const cutoff = new Date(Date.now() - checkRetention(kind.retentionMs, kind.table));
    pruned[kind.table] = 0;
    for (;;) {
      const [, deleted] = await dataSource.query<[unknown, number]>(
        `DELETE FROM ${kind.table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${kind.table} WHERE ${kind.expired} LIMIT $2 FOR UPDATE SKIP LOCKED))`,
        [cutoff, batch],
      );
      pruned[kind.table] += deleted;
      if (deleted < batch) break;
    }
  }
  return pruned;
}

/** A service's messaging rows: processed commands by age, outbox rows by when they were published (never unpublished ones). */
export function messagingRetention(options: { commandRetentionMs: number; outboxRetentionMs: number }): RetainedRows[] {
  return [
    { table: 'processed_commands', expired: 'created_at < $1', retentionMs: options.commandRetentionMs },
    {
      table: 'outbox',
      expired: 'published_at IS NOT NULL AND published_at < $1',
      retentionMs: options.outboxRetentionMs,
    },
  ];
}

/** The periodic job that prunes `kinds` every PRUNE_EVERY_MS (and once at start). */
export function pruneJob(
  dataSource: DataSource,
  kinds: readonly RetainedRows[],
  log: (message: string) => void,
  everyMs = PRUNE_EVERY_MS,
): PeriodicJob {
  return new PeriodicJob(
    'pruning',
    async () => {
      const pruned = await pruneExpired(dataSource, kinds);
      const total = Object.values(pruned).reduce((a, b) => a + b, 0);
      if (total > 0)
        log(
          `pruned ${Object.entries(pruned)
            .map(([t, n]) => `${n} ${t}`)
            .join(', ')}`,
        );
    },
    everyMs,
    log,
  );
}
