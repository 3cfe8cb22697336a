import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import type { Logger } from 'pino';
import { context as otelContext } from '@opentelemetry/api';
import { DomainError } from '@concord/domain';
import { isRequestId, REQUEST_ID_HEADER, withRequestId } from './request-context';
import type { ProcessMetrics } from './metrics';
import { endSpan, startServerSpan } from './tracing';

interface NatsContextLike {
  getSubject?(): string;
  getHeaders?(): { get(key: string): string } | undefined;
}

/** The request id of a NATS request: its `Concord-Request-Id` header, else its envelope's correlation id. */
export function requestIdOfMessage(payload: unknown, context: NatsContextLike | undefined): string | undefined {
  const header = context?.getHeaders?.()?.get(REQUEST_ID_HEADER);
  if (isRequestId(header)) return header;
  const correlationId = (payload as { correlationId?: unknown } | null)?.correlationId;
  return isRequestId(correlationId) ? correlationId : undefined;
}

/** What became of a request: `ok`, or the problem's code (`internal` for what was not a DomainError). */
export function outcomeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[a-z_]+\.[a-z_]+$/.test(code) ? code : 'internal';
}

/**
 * A service's handling of each NATS request: it runs as part of the request's id (log lines, audit entries,
 * events and calls to other services made while handling it carry it), and ends with one log line: subject,
 * outcome, duration, request id. Never the envelope, its data or its proof. The same subject, outcome and duration
 * go to `metrics` when given (concord_nats_requests_total, concord_nats_request_duration_seconds; ADR 0027), and it is
 * a server span in the trace the envelope carries, when the process traces (ADR 0028).
 */
export class RequestLogInterceptor implements NestInterceptor {
  constructor(
    private readonly log: Logger,
    private readonly metrics?: ProcessMetrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpc = context.switchToRpc();
    const natsContext = rpc.getContext<NatsContextLike | undefined>();
    const requestId = requestIdOfMessage(rpc.getData(), natsContext);
    const subject = natsContext?.getSubject?.() ?? 'unknown';
    const started = performance.now();
    // The server span of this request, in the trace its envelope carries (ADR 0028); a no-op when not tracing.
    const envelope = rpc.getData<{ type?: unknown } | null>();
    const traced = startServerSpan(typeof envelope?.type === 'string' ? envelope.type : subject, envelope, requestId);
    /** Once, when the call ends however it ends (answered, failed, or its subscriber gone). */
    let outcome: string | null = null;
    const done = () => {
      const ended = outcome ?? 'cancelled';
      const elapsedMs = performance.now() - started;
      this.metrics?.observeNatsRequest(subject, ended, elapsedMs / 1000);
      endSpan(traced.span, ended);
      const line = {
        subject,
        outcome: ended,
        durationMs: Math.round(elapsedMs * 10) / 10,
        ...(requestId ? { requestId } : {}),
      };
      if (ended === 'internal' || ended === 'service.unavailable') this.log.warn(line, 'nats request');
      else this.log.info(line, 'nats request');
    };
    const run = (subscriber: Subscriber<unknown>) => {
      const subscription = next.handle().subscribe({
        next: (value) => {
          outcome ??= 'ok';
          subscriber.next(value);
        },
        error: (error: unknown) => {
          outcome = outcomeOf(error);
          subscriber.error(error);
        },
        complete: () => {
          outcome ??= 'ok';
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        done();
      };
    };
    return new Observable<unknown>((subscriber) =>
      otelContext.with(traced.context, () =>
        requestId ? withRequestId(requestId, () => run(subscriber)) : run(subscriber),
      ),
    );
  }
}
