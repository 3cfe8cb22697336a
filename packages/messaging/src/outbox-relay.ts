import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { namespaceSubject } from '@concord/domain';
import { WakeableLoop } from './wakeable-loop';
import { requestIdHeaders } from './rpc-client';
import type { ProcessMetrics } from './metrics';

export interface OutboxRelayOptions {
  env: string;
  batchSize?: number;
  /** How often to look for rows when nobody calls `wake()`. */
  pollMs?: number;
  log?: (message: string) => void;
  /**
   * Called after a row is acknowledged by JetStream and before it is marked
   * published (used by tests to kill the relay at exactly that point).
   */
  afterPublish?: (id: string) => void | Promise<void>;
  /** The process's metrics: the outbox gauges (read on scrape) and concord_outbox_published_total (ADR 0027). */
  metrics?: ProcessMetrics;
}

/**
 * Publishes outbox rows to JetStream. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` (several instances share the work), published
 * with `Nats-Msg-Id` = event id (JetStream drops a republished duplicate) and `Concord-Request-Id` = its correlation id,
 * and marked published only after JetStream acknowledged them. A relay that
 * dies at any point loses nothing: the rows stay unpublished and the next
 * relay publishes them.
 */
export class OutboxRelay {
  private readonly js: JetStreamClient;
  private readonly loop: WakeableLoop;

  constructor(
    private readonly dataSource: DataSource,
    nc: NatsConnection,
    private readonly options: OutboxRelayOptions,
  ) {
    this.js = jetstream(nc);
    this.loop = new WakeableLoop(() => this.tick(), options.pollMs ?? 500);
    options.metrics?.watchOutbox(dataSource);
  }

  start(): void {
    this.loop.start();
  }

  /** Look now: a transaction with outbox rows has just committed. */
  wake(): void {
    this.loop.wake();
  }

  /** Stops polling and waits for a batch in flight. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Publishes every pending row; returns how many were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      if (n) this.options.metrics?.countOutboxPublished(n);
      total += n;
      if (n < (this.options.batchSize ?? 500)) return total;
    }
  }

  private async tick(): Promise<void> {
    try {
      await this.drain();
    } catch (error) {
      this.options.log?.(`outbox relay: ${(error as Error).message}; will retry`);
    }
  }

  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // An ordered index scan (OUTBOX_ORDERED_DDL) stops after the batch and marks the entries of published rows dead as
      // it passes them; a bitmap scan, which PostgreSQL prefers while its estimate of unpublished rows is high, reads
      // every such entry on every poll and marks none.
      await manager.query('SET LOCAL enable_bitmapscan = off');
      const rows: { id: string; subject: string; envelope: unknown }[] = await manager.query(
        `SELECT id, subject, envelope FROM outbox
          WHERE published_at IS NULL
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 500],
      );
      // Pipelined: the batch's publishes leave in order on one connection (so the stream keeps the
      // outbox's order) and are in flight together, each awaiting its own ack. All settle before the
      // row locks go, and a batch is marked published only when every row was acknowledged.
      const outcomes = await Promise.allSettled(
        rows.map(async (row) => {
          await this.js.publish(namespaceSubject(this.options.env, row.subject), JSON.stringify(row.envelope), {
            msgID: row.id,
            // The request that caused the event (its correlation id), for whoever follows it on the bus (ADR 0025).
            headers: requestIdHeaders((row.envelope as { correlationId?: string } | null)?.correlationId),
          });
          await this.options.afterPublish?.(row.id);
        }),
      );
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failed) throw failed.reason;
      if (rows.length) {
        await manager.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1)', [rows.map((r) => r.id)]);
      }
      return rows.length;
    });
  }
}
