import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource, EntityManager } from 'typeorm';
import { durableName, EnvelopeSchema, eventStreamName, namespaceSubject, type Envelope } from '@concord/domain';
import { isRequestId, withRequestId } from './request-context';
import { within } from './metrics';
import { inConsumerSpan } from './tracing';

/** The inbox table: which events a consumer has applied, so redelivery changes nothing. */
export const INBOX_DDL: readonly string[] = [
  `CREATE TABLE inbox (
    event_id uuid NOT NULL,
    consumer text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
  )`,
];

export interface EventConsumerOptions {
  nc: NatsConnection;
  dataSource: DataSource;
  env: string;
  service: string;
  /** What this consumer is for, e.g. `creator_agreements`. */
  purpose: string;
  /** A subject filter as written in code, e.g. `concord.events.agreements.agreement.*`. */
  filter: string;
  /** Applies one event inside the transaction that records it in the inbox. */
  handle: (event: Envelope<unknown> & { subject: string }, manager: EntityManager) => Promise<void>;
  log?: (message: string) => void;
}

/** The most events applied in one transaction. */
const MAX_BATCH = 100;

type Event = Envelope<unknown> & { subject: string };
/** An event taken from the stream, with its message to acknowledge once it is applied. */
type Arrived = { message: JsMsg; event: Event };

/**
 * A durable JetStream consumer that applies each event once: the event id
 * goes into the inbox in the same transaction as the effect, and the message
 * is acknowledged only after that commit. A crash before the ack means a
 * redelivery, which the inbox turns into a no-op. Events that arrive while
 * others are being applied are applied together next, in order, in one
 * transaction (one inbox statement for all); if that fails, each is applied
 * alone, so one bad event holds up no other.
 */
export class EventConsumer {
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  /** Events taken from the stream, not applied yet (at most the consumer's unacknowledged limit). */
  private readonly arrived: Arrived[] = [];
  private applying: Promise<void> | null = null;
  private jsm: JetStreamManager | null = null;
  readonly name: string;

  constructor(private readonly options: EventConsumerOptions) {
    this.name = durableName(options.env, options.service, options.purpose);
  }

  async start(): Promise<void> {
    const { nc, env } = this.options;
    const stream = eventStreamName(env);
    const jsm = await jetstreamManager(nc);
    this.jsm = jsm;
    const config = {
      durable_name: this.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: namespaceSubject(env, this.options.filter),
      ack_wait: 30_000_000_000,
      max_deliver: -1,
    };
    try {
      await jsm.consumers.info(stream, this.name);
    } catch {
      await jsm.consumers.add(stream, config);
    }
    const consumer = await jetstream(nc).consumers.get(stream, this.name);
    this.messages = await consumer.consume({ max_messages: 100 });
    const messages = this.messages;
    this.loop = (async () => {
      for await (const m of messages) {
        const event = this.eventOf(m);
        if (!event) continue;
        this.arrived.push({ message: m, event });
        this.applyArrived();
      }
      await this.applying;
    })();
  }

  /** Applies what has arrived, in batches, unless that is under way: what arrives meanwhile is the next batch. */
  private applyArrived(): void {
    if (this.applying) return;
    this.applying = (async () => {
      try {
        while (this.arrived.length) await this.applyBatch(this.arrived.splice(0, MAX_BATCH));
      } finally {
        this.applying = null;
      }
    })();
  }

  private eventOf(m: JsMsg): Event | null {
    try {
      const parsed = EnvelopeSchema.safeParse(m.json());
      if (parsed.success) return { ...(parsed.data as Envelope<unknown>), subject: m.subject };
    } catch {
      // not JSON: dropped below
    }
    this.options.log?.(`${this.name}: dropping a message that is not an envelope (${m.subject})`);
    m.term();
    return null;
  }

  private async applyBatch(batch: Arrived[]): Promise<void> {
    try {
      await this.applyAll(batch.map((b) => b.event));
      for (const { message } of batch) message.ack();
    } catch (error) {
      if (batch.length > 1) this.options.log?.(`${this.name}: ${(error as Error).message}; applying one by one`);
      for (const { message, event } of batch) {
        try {
          await this.apply(event);
          message.ack();
        } catch (e) {
          this.options.log?.(`${this.name}: ${(e as Error).message}; will be redelivered`);
          message.nak(1000);
        }
      }
    }
  }

  /** Applies events in order, each once (those the inbox has already, or twice in the batch, are skipped); how many. */
  private async applyAll(events: Event[]): Promise<number> {
    return this.options.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<{ event_id: string }[]>(
        'INSERT INTO inbox (event_id, consumer) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING RETURNING event_id',
        [events.map((e) => e.id), this.name],
      );
      const fresh = new Set(inserted.map((r) => r.event_id));
      let applied = 0;
      for (const event of events) {
        if (!fresh.delete(event.id)) continue;
        // What the event causes is part of the request that caused it (ADR 0025): its audit entries and events carry
        // the event's correlation id, and its work joins the request's trace (ADR 0028).
        const handle = () => inConsumerSpan(this.name, event, () => this.options.handle(event, manager));
        await (isRequestId(event.correlationId) ? withRequestId(event.correlationId, handle) : handle());
        applied += 1;
      }
      return applied;
    });
  }

  /**
   * The events of the stream this consumer has yet to apply: those not delivered yet and those delivered but not
   * acknowledged (concord_consumer_pending, asked on scrape; ADR 0027). Rejects after `timeoutMs`, or before `start`.
   */
  async pending(timeoutMs: number): Promise<number> {
    if (!this.jsm) throw new Error(`${this.name} has not started`);
    const info = await within(timeoutMs, this.jsm.consumers.info(eventStreamName(this.options.env), this.name));
    return info.num_pending + info.num_ack_pending;
  }

  /** Applies an event once; returns false when it had been applied already. */
  async apply(event: Event): Promise<boolean> {
    return (await this.applyAll([event])) > 0;
  }

  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop?.catch(() => undefined);
  }
}
