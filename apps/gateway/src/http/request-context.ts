import { IdParam, parseOrThrow } from '@concord/domain';
import type { AuthenticatedRequest } from '../auth/auth.decorators';

/** What a write passes on to a service: correlation id and Idempotency-Key. */
export function requestOptions(request: AuthenticatedRequest & { idempotencyKey?: string }) {
  return { correlationId: request.id, idempotencyKey: request.idempotencyKey };
}

/** A write's request: the caller and its Idempotency-Key; the raw body only for routes that read it themselves (uploads). */
export type WriteRequest = AuthenticatedRequest & { body: unknown };

/** A path id, checked to be a UUID (else 400 with the path `id`). */
export const idOf = (id: string) => parseOrThrow(IdParam, { id }).id;
