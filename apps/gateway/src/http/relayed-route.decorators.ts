import { applyDecorators, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, type ApiOperationOptions } from '@nestjs/swagger';
import type { Subject } from '@concord/domain';
import { IdempotencyHeader, Relays } from '../openapi/schemas';
import { CreatedAt } from './location';

/** A relayed route's OpenAPI operation (operationId, summary, description) and the problems it answers. */
export interface RelayedRouteOptions extends ApiOperationOptions {
  /** Problem statuses it answers besides 400, 401 and 404. */
  problems?: number[];
}

/** A uuid path parameter for each `:name` of `path`. */
const uuidParams = (path: string) =>
  [...path.matchAll(/:(\w+)/g)].map(([, name]) => ApiParam({ name, format: 'uuid' }));

/** The decorators applied as they would be written one above the other (the lowest first). */
const stacked = (...decorators: Parameters<typeof applyDecorators>) => applyDecorators(...decorators.reverse());

/**
 * A read the gateway relays to a service: GET `path`, its operation, a uuid parameter for each `:name` of the path, and
 * `subject`'s reply (200) and problems. Who may read is the route's own access decorator (ServiceDecides, Access).
 */
export function RelayedGet(path: string, subject: Subject, { problems, ...operation }: RelayedRouteOptions) {
  return stacked(Get(path), ApiOperation(operation), ...uuidParams(path), Relays(subject, 200, problems));
}

/**
 * A command the gateway relays to a service: POST `path` answered with `status`, its operation, a uuid parameter for
 * each `:name` of the path, the Idempotency-Key header, `subject`'s reply and problems, and for a creation where the
 * object is read (`createdAt`, answered as `Location`).
 */
export function RelayedPost(
  path: string,
  subject: Subject,
  {
    status,
    problems,
    createdAt,
    ...operation
  }: RelayedRouteOptions & {
    status: number;
    /** For a 201: where the object is read, a template over the reply (`/v1/creators/{id}`; http/location.ts). */
    createdAt?: string;
  },
) {
  return stacked(
    Post(path),
    HttpCode(status),
    ApiOperation(operation),
    ...uuidParams(path),
    IdempotencyHeader,
    Relays(subject, status, problems),
    ...(createdAt ? [CreatedAt(createdAt)] : []),
  );
}
