import { errors, headers, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import {
  createEnvelope,
  DomainError,
  namespaceSubject,
  type Actor,
  type ReplyOf,
  type RequestOf,
  type Subject,
} from '@concord/domain';
import { connectNats, followConnection } from './nats-connection';
import type { ActorProofSigner } from './actor-proof';
import { currentRequestId, isRequestId, outsideAnyRequest, REQUEST_ID_HEADER } from './request-context';
import type { ProcessMetrics } from './metrics';
import { outcomeOf } from './request-log.interceptor';
import { inClientSpan, traceFieldsOfCurrentContext } from './tracing';

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
 * service's code. No listener, or NATS disconnected, is
 * `service.unavailable` at once (nothing was sent, or nobody got it);
 * silence after sending is `service.outcome_unknown` (the command may have
 * been applied: retry with the same Idempotency-Key).
 *
 * Every envelope carries the signer's proof of its actor (ADR 0014): the
 * gateway vouches for the signed-in user; a service calling another on a
 * user's behalf vouches, as itself, for that original user. Without a
 * signer, services refuse what it sends (`actor.unproven`).
 */
export class ServiceClient {
  private nc: NatsConnection | null = null;
  private connecting: Promise<NatsConnection> | null = null;
  private link: { connected(): boolean } | null = null;

  constructor(
    /** A NATS URL, or a bus identity's connection options (`natsOptions`: its NKey, inbox prefix, TLS). */
    private readonly nats: string | NodeConnectionOptions,
    private readonly env: string,
    private readonly defaultTimeoutMs = 5000,
    private readonly signer?: ActorProofSigner,
    /** Counts each request by subject and outcome (concord_nats_client_requests_total; ADR 0027). */
    private readonly metrics?: ProcessMetrics,
  ) {}

  async connect(): Promise<void> {
    if (this.nc) return;
    const options = typeof this.nats === 'string' ? { servers: this.nats } : this.nats;
    // A first request may open the connection: what the connection does later (its status watch, its log lines)
    // is for no request in particular.
    this.connecting ??= outsideAnyRequest(() => connectNats({ name: `concord-${this.env}-client`, ...options }));
    try {
      const nc = await this.connecting;
      this.link = followConnection(nc);
      this.nc = nc;
    } finally {
      this.connecting = null;
    }
  }

  /** Asks `subject` (one of `CONTRACTS`) with `data` of its request type; answers its reply type. */
  async request<S extends Subject>(
    subject: S,
    data: RequestOf<S>,
    actor: Actor,
    options: RequestOptions = {},
  ): Promise<ReplyOf<S>> {
    // A client span when this process traces (ADR 0028); the envelope carries it to the service.
    return inClientSpan(
      subject,
      currentRequestId() ?? options.correlationId,
      () => this.counted(subject, data, actor, options),
      outcomeOf,
    );
  }

  /** `send`, counted by subject and outcome when the client has metrics. */
  private async counted<S extends Subject>(
    subject: S,
    data: RequestOf<S>,
    actor: Actor,
    options: RequestOptions,
  ): Promise<ReplyOf<S>> {
    if (!this.metrics) return this.send(subject, data, actor, options, () => undefined);
    let transport: string | undefined;
    try {
      const reply = await this.send(subject, data, actor, options, (what) => (transport = what));
      this.metrics.countClientRequest(subject, 'ok');
      return reply;
    } catch (error) {
      this.metrics.countClientRequest(subject, transport ?? outcomeOf(error));
      throw error;
    }
  }

  /** `request`; `failedOn` names what NATS answered when it was a timeout or no responders. */
  private async send<S extends Subject>(
    subject: S,
    data: RequestOf<S>,
    actor: Actor,
    options: RequestOptions,
    failedOn: (what: 'timeout' | 'no_responders') => void,
  ): Promise<ReplyOf<S>> {
    const service = subject.split('.')[1] ?? subject;
    const wire = namespaceSubject(this.env, subject);
    // The request this call is part of (ADR 0025): its id is the envelope's correlation id unless the caller names
    // another, and travels in the Concord-Request-Id header.
    const requestId = currentRequestId() ?? options.correlationId;
    const unsigned = createEnvelope(subject, actor, data, {
      ...options,
      correlationId: options.correlationId ?? requestId,
      trace: traceFieldsOfCurrentContext(),
    });
    const envelope = this.signer ? { ...unsigned, proof: this.signer.sign(wire, unsigned) } : unsigned;
    let reply: NestReply;
    try {
      if (!this.nc) await this.connect();
      if (!this.link!.connected()) {
        throw new DomainError(
          'service.unavailable',
          `The ${service} service cannot be reached: NATS is disconnected; nothing was sent`,
          [],
          { service },
        );
      }
      const message = await this.nc!.request(wire, JSON.stringify({ pattern: wire, data: envelope, id: envelope.id }), {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
        headers: requestIdHeaders(requestId ?? unsigned.correlationId),
      });
      reply = message.json<NestReply>();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (isNoResponders(error)) {
        failedOn('no_responders');
        throw new DomainError('service.unavailable', `The ${service} service is not running; nothing was done`, [], {
          service,
        });
      }
      if (isTimeout(error)) {
        failedOn('timeout');
        throw new DomainError(
          'service.outcome_unknown',
          `The ${service} service did not answer in time; the request may or may not have been applied. Retry with the same Idempotency-Key: it is applied at most once`,
          [],
          { service },
        );
      }
      throw new DomainError(
        'service.unavailable',
        `The ${service} service cannot be reached: ${(error as Error).message}`,
        [],
        { service },
      );
    }
    if (reply.err !== undefined && reply.err !== null) {
      if (DomainError.isProblem(reply.err)) throw DomainError.fromProblem(reply.err);
      throw new DomainError('internal', `The ${service} service failed to answer`, [], { service });
    }
    return reply.response as ReplyOf<S>;
  }

  /** Resolves when the NATS server answers a round trip. */
  async ping(timeoutMs = 2000): Promise<void> {
    if (!this.nc) await this.connect();
    if (!this.link!.connected()) throw new Error('NATS is disconnected');
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
    this.link = null;
  }
}

/** The NATS headers naming the request id, when it is a fit one. */
export function requestIdHeaders(requestId: string | undefined): ReturnType<typeof headers> | undefined {
  if (!isRequestId(requestId)) return undefined;
  const h = headers();
  h.set(REQUEST_ID_HEADER, requestId);
  return h;
}

function isNoResponders(error: unknown): boolean {
  return (
    error instanceof errors.NoRespondersError ||
    (error instanceof errors.RequestError && /no responders/i.test(error.message))
  );
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof errors.TimeoutError || (error instanceof errors.RequestError && /timeout/i.test(error.message))
  );
}
