import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventStreamName, type Envelope } from '@concord/domain';

/**
 * Reads every event of an environment's stream as it arrives (an ordered,
 * ephemeral consumer from the first message), for assertions.
 */
export class EventCollector {
  /** Each event with its subject, stream sequence and the `Concord-Request-Id` header it was published with, if any. */
  readonly events: (Envelope & { subject: string; seq: number; requestIdHeader?: string })[] = [];
  private stopped = false;
  private done: Promise<void> | null = null;
  private messages: { stop(): void } | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly env: string,
  ) {}

  async start(): Promise<this> {
    const js = jetstream(this.nc);
    const consumer = await js.consumers.get(eventStreamName(this.env), { deliver_policy: DeliverPolicy.All });
    const messages = await consumer.consume();
    this.messages = messages;
    this.done = (async () => {
      for await (const m of messages) {
        const requestIdHeader = m.headers?.get('Concord-Request-Id') || undefined;
        this.events.push({ ...m.json<Envelope>(), subject: m.subject, seq: m.seq, requestIdHeader });
        if (this.stopped) break;
      }
    })();
    return this;
  }

  /** Waits until `predicate` holds for the events seen so far. */
  async waitFor(predicate: (events: this['events']) => boolean, timeoutMs = 10_000): Promise<this['events']> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline)
        throw new Error(
          `Events did not arrive in ${timeoutMs} ms; saw ${this.events.map((e) => e.type).join(', ') || 'none'}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.events;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.messages?.stop();
    await this.done?.catch(() => undefined);
  }
}
