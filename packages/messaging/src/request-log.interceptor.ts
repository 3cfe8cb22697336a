import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import type { Logger } from 'pino';
import { DomainError } from '@concord/domain';
import { isRequestId, REQUEST_ID_HEADER, withRequestId } from './request-context';

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
 * outcome, duration, request id. Never the envelope, its data or its proof.
 */
export class RequestLogInterceptor implements NestInterceptor {
  constructor(private readonly log: Logger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpc = context.switchToRpc();
    const natsContext = rpc.getContext<NatsContextLike | undefined>();
    const requestId = requestIdOfMessage(rpc.getData(), natsContext);
    const subject = natsContext?.getSubject?.() ?? 'unknown';
    const started = performance.now();
    const line = (outcome: string) => ({
      subject,
      outcome,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(requestId ? { requestId } : {}),
    });
    const run = (subscriber: Subscriber<unknown>) =>
      next.handle().subscribe({
        next: (value) => subscriber.next(value),
        error: (error: unknown) => {
          const outcome = outcomeOf(error);
          if (outcome === 'internal' || outcome === 'service.unavailable') this.log.warn(line(outcome), 'nats request');
          else this.log.info(line(outcome), 'nats request');
          subscriber.error(error);
        },
        complete: () => {
          this.log.info(line('ok'), 'nats request');
          subscriber.complete();
        },
      });
    return new Observable<unknown>((subscriber) =>
      requestId ? withRequestId(requestId, () => run(subscriber)) : run(subscriber),
    );
  }
}
