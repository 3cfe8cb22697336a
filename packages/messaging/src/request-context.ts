import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The request id: one per HTTP request the gateway takes (the caller's `X-Request-Id` when it is a fit one, else a
 * new UUID), carried to every service the request reaches and on to what they write (audit entries, events), so that
 * support can follow one request across every process's logs (ADR 0025).
 */

/** The HTTP header a caller may send and every gateway answer carries. */
export const HTTP_REQUEST_ID_HEADER = 'X-Request-Id';
/** The NATS header on every request a process sends and every event a service publishes. */
export const REQUEST_ID_HEADER = 'Concord-Request-Id';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether `value` may be used as a request id: 1 to 128 of `A-Z a-z 0-9 . _ : -` (nothing a log could misread). */
export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}

/** The caller's request id when it is a fit one, else a new UUID. */
export function acceptRequestId(given: unknown): string {
  const value = Array.isArray(given) ? (given as unknown[])[0] : given;
  return isRequestId(value) ? value : randomUUID();
}

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request id of the request being handled here (HTTP or NATS), if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `work` (and everything it starts) as part of the request `requestId`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/**
 * Runs `work` as part of no request: what it schedules (a timer, a loop's next run) does not carry the request that
 * happened to wake it (a relay or sequencer woken by a commit serves every request, not that one).
 */
export function outsideAnyRequest<T>(work: () => T): T {
  return storage.exit(work);
}
