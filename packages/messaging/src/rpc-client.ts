import { connect, errors, type NatsConnection } from '@nats-io/transport-node';
import {
  createEnvelope, DomainError, namespaceSubject, type Actor, type Problem,
} from '@concord/domain';

export interface RequestOptions {
  correlationId?: string;
  idempotencyKey?: string;
  timeoutMs?: number;
}

interface NestReply {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

/**
 * Sends commands and queries to Concord services over NATS, in envelopes,
 * on namespaced subjects. It speaks the wire format of Nest's NATS
 * transport (`{pattern, data, id}` → `{id, response | err, isDisposed}`)
 * over one connection with NATS's multiplexed request inbox: one message out
 * and one back per request, no subscription per request as Nest's
 * ClientProxy makes. A problem reply becomes a `DomainError` with the
 * service's code; silence or no listener becomes `service.unavailable`
 * naming the service.
 */
export class ServiceClient {
  private nc: NatsConnection | null = null;

  constructor(
    private readonly natsUrl: string,
    private readonly env: string,
    private readonly defaultTimeoutMs = 5000,
  ) {}

  async connect(): Promise<void> {
    this.nc ??= await connect({ servers: this.natsUrl, name: `concord-${this.env}-client`, maxReconnectAttempts: -1 });
  }

  async request<T>(subject: string, data: unknown, actor: Actor, options: RequestOptions = {}): Promise<T> {
    const envelope = createEnvelope(subject, actor, data, options);
    const service = subject.split('.')[1] ?? subject;
    const wire = namespaceSubject(this.env, subject);
    let reply: NestReply;
    try {
      if (!this.nc) await this.connect();
      const message = await this.nc!.request(wire, JSON.stringify({ pattern: wire, data: envelope, id: envelope.id }), {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
      });
      reply = message.json<NestReply>();
    } catch (error) {
      if (isUnanswered(error)) throw new DomainError('service.unavailable', `The ${service} service did not answer`, [], { service });
      throw new DomainError('service.unavailable', `The ${service} service cannot be reached: ${(error as Error).message}`, [], { service });
    }
    if (reply.err !== undefined && reply.err !== null) {
      if (DomainError.isProblem(reply.err)) throw DomainError.fromProblem(reply.err as Problem);
      throw new DomainError('internal', `The ${service} service failed to answer`, [], { service });
    }
    return reply.response as T;
  }

  /** Resolves when the NATS server answers a round trip. */
  async ping(timeoutMs = 2000): Promise<void> {
    if (!this.nc) await this.connect();
    if (this.nc!.isClosed()) throw new Error('NATS connection is closed');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.nc!.flush(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`NATS did not answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.nc?.drain().catch(() => undefined);
    this.nc = null;
  }
}

function isUnanswered(error: unknown): boolean {
  return (
    error instanceof errors.NoRespondersError ||
    error instanceof errors.TimeoutError ||
    (error instanceof errors.RequestError && /no responders|timeout/i.test(error.message))
  );
}
