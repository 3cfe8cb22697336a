import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import {
  acceptRequestId,
  HTTP_REQUEST_ID_HEADER,
  nameHttpSpan,
  withRequestId,
  type PinoLogger,
  type ProcessMetrics,
} from '@concord/messaging';

/** Fastify's `genReqId`: the caller's `X-Request-Id` when it is a fit one (≤ 128 of `A-Za-z0-9._:-`), else a UUID. */
export function requestIdOf(req: { headers: Record<string, string | string[] | undefined> }): string {
  return acceptRequestId(req.headers[HTTP_REQUEST_ID_HEADER.toLowerCase()]);
}

/** The one line the gateway logs per HTTP request: never its URL's query, headers or body (they may hold tokens or personal data). */
export function requestLine(request: FastifyRequest, reply: FastifyReply) {
  return {
    method: request.method,
    // The route's pattern (`/v1/creators/:id`), not the path: ids and queries stay out of the logs. Null for a 404.
    route: request.routeOptions?.url ?? null,
    status: reply.statusCode,
    durationMs: Math.round(reply.elapsedTime * 10) / 10,
    requestId: request.id,
  };
}

/**
 * Every answer carries `X-Request-Id` (errors and 404s included: it is set before anything else runs), and each
 * request ends with one log line (ADR 0025) and, given `metrics`, is counted by the same method, route pattern and
 * status (concord_http_requests_total, concord_http_request_duration_seconds; ADR 0027).
 */
export function registerRequestIds(app: NestFastifyApplication, log: PinoLogger, metrics?: ProcessMetrics): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(HTTP_REQUEST_ID_HEADER, request.id);
    // The HTTP server span (when the process traces, ADR 0028) is named for the route and tagged with the request id.
    nameHttpSpan(request.method, request.routeOptions?.url ?? null, request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const line = requestLine(request, reply);
    metrics?.observeHttp(line.method, line.route, line.status, reply.elapsedTime / 1000);
    if (line.status >= 500) log.warn(line, 'http request');
    else log.info(line, 'http request');
    done();
  });
}

/**
 * Runs each route's guards' successors, handler and what it calls as part of the request's id: the services it asks
 * get it in the `Concord-Request-Id` header and as the envelope's correlation id.
 */
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const { id } = context.switchToHttp().getRequest<{ id: string }>();
    return new Observable((subscriber) => withRequestId(id, () => next.handle().subscribe(subscriber)));
  }
}
