import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource, EntityManager } from 'typeorm';
import { durableName, EnvelopeSchema, eventStreamName, namespaceSubject, type Envelope } from '@concord/domain';

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

/**
 * A durable JetStream consumer that applies each event once: the event id
 * goes into the inbox in the same transaction as the effect, and the message
 * is acknowledged only after that commit. A crash before the ack means a
 * redelivery, which the inbox turns into a no-op.
 */
export class EventConsumer {
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  readonly name: string;

  constructor(private readonly options: EventConsumerOptions) {
    this.name = durableName(options.env, options.service, options.purpose);
  }

  async start(): Promise<void> {
    const { nc, env } = this.options;
    const stream = eventStreamName(env);
    const jsm = await jetstreamManager(nc);
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
        try {
          const parsed = EnvelopeSchema.safeParse(m.json());
          if (!parsed.success) {
            this.options.log?.(`${this.name}: dropping a message that is not an envelope (${m.subject})`);
            m.term();
            continue;
          }
          await this.apply({ ...(parsed.data as Envelope<unknown>), subject: m.subject });
          m.ack();
        } catch (error) {
          this.options.log?.(`${this.name}: ${(error as Error).message}; will be redelivered`);
          m.nak(1000);
        }
      }
    })();
  }

  /** Applies an event once; returns false when it had been applied already. */
  async apply(event: Envelope<unknown> & { subject: string }): Promise<boolean> {
    return this.options.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<{ event_id: string }[]>(
        'INSERT INTO inbox (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
        [event.id, this.name],
      );
      if (inserted.length === 0) return false;
      await this.options.handle(event, manager);
      return true;
    });
  }

  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop?.catch(() => undefined);
  }
}
