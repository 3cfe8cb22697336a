import type { AuthenticatedRequest } from '../auth/auth.decorators';

/** What a write passes on to a service: correlation id and Idempotency-Key. */
export function requestOptions(request: AuthenticatedRequest & { idempotencyKey?: string }) {
  return { correlationId: request.id, idempotencyKey: request.idempotencyKey };
}
