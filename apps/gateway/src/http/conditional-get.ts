import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Conditional reads (issue 15, "change feeds"): every single-object GET answers an `ETag`, and a caller that sends it
 * back in `If-None-Match` is answered `304 Not Modified` with no body while the object is as it was, so a ministry's
 * system can re-read what it holds without being sent it again. A route that knows its object's version sets the ETag
 * itself (`"v3"`, the one `If-Match` takes for writes); any other single-object GET gets a weak ETag of the
 * representation the caller was sent (what one agency and role sees may differ from what another does).
 *
 * Not `@fastify/etag`: it tags every answer of every method and status (errors and writes included) by hashing it,
 * and compares `If-None-Match` as one opaque string, where RFC 9110 allows a list and `*`.
 */

/** A route pattern that names one object: it ends in a path parameter (`/v1/creators/:id`). */
export function namesOneObject(route: string | undefined): boolean {
  return route !== undefined && /\/:[A-Za-z]\w*$/.test(route);
}

/** RFC 9110 §13.1.2: whether `If-None-Match` names `etag` (weak comparison), or is `*`. */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** A weak ETag of what was sent. */
export function representationTag(payload: string | Buffer): string {
  return `W/"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
}

export function registerConditionalGets(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) {
      done(null, payload);
      return;
    }
    let etag = reply.getHeader('etag');
    if (etag === undefined && namesOneObject(request.routeOptions?.url)) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
        done(null, payload);
        return;
      }
      etag = representationTag(payload);
      void reply.header('etag', etag);
    }
    if (typeof etag === 'string' && ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      void reply.code(304);
      done(null, '');
      return;
    }
    done(null, payload);
  });
}
