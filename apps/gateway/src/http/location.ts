import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { tap, type Observable } from 'rxjs';

/**
 * `Location` on a 201 (issue 15, change feeds): where the created object is read (`GET`), so a ministry's system keeps
 * the address instead of building it. A route names it as a template over its reply: `/v1/creators/{id}` is the
 * reply's `id`. A route that adds to an object and answers that object (a channel added to a creator) names the
 * object's address. Replays of an Idempotency-Key carry it too (the interceptor sees the replayed reply).
 */

const CREATED_AT = 'concord:created-at';
/** The OpenAPI extension the document turns into the 201's `Location` header (openapi/document.ts). */
export const CREATED_AT_EXTENSION = 'x-concord-created-at';

/** The route's 201 answers `Location`, filled from the reply by `template` (`{field}` is the reply's field). */
export function CreatedAt(template: string) {
  return applyDecorators(SetMetadata(CREATED_AT, template), ApiExtension(CREATED_AT_EXTENSION, template));
}

/** `template` filled from `reply`'s fields, or undefined when one is missing. */
export function locationOf(template: string, reply: unknown): string | undefined {
  let missing = false;
  const filled = template.replace(/\{(\w+)\}/g, (_, field: string) => {
    const value = (reply as Record<string, unknown> | null)?.[field];
    if (typeof value !== 'string' && typeof value !== 'number') {
      missing = true;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  return missing ? undefined : filled;
}

@Injectable()
export class LocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const template = this.reflector.get<string | undefined>(CREATED_AT, context.getHandler());
    if (!template || context.getType() !== 'http') return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((value) => {
        const location = locationOf(template, value);
        if (location) void reply.header('location', location);
      }),
    );
  }
}
