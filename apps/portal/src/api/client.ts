import { createConcordClient, type ConcordClient, type Schemas } from '@concord/client';
import { isProblem, NETWORK_PROBLEM, unexpectedProblem, type Problem } from './problem';

export type { ConcordClient, Schemas };

/** An API answer: the data, or a problem to show (network failures and odd answers included). */
export type Result<T> =
  { ok: true; data: T; response: Response } | { ok: false; problem: Problem; response?: Response };

/**
 * The portal's client: `@concord/client` on the page's own origin, with the
 * signed-in user's token, telling `onUnauthorized` when a signed request is refused.
 */
export function createPortalClient(options: {
  getToken: () => string | undefined;
  onUnauthorized?: () => void;
  baseUrl?: string;
  fetch?: typeof fetch;
}): ConcordClient {
  const client = createConcordClient({
    baseUrl: options.baseUrl ?? globalThis.location.origin,
    token: options.getToken,
    fetch: options.fetch,
    // The portal shows a person what happened (busy, refused, try again) and its writes carry their own keys
    // (lib/use-mutation.ts): each request is sent once, as it is.
    retry: false,
  });
  client.use({
    onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('authorization')) options.onUnauthorized?.();
      return response;
    },
  });
  return client;
}

/** Awaits an openapi-fetch call and turns every outcome into a `Result`; an aborted call still throws. */
export async function settle<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Result<T>> {
  let outcome: { data?: T; error?: unknown; response: Response };
  try {
    outcome = await call;
  } catch (error) {
    if (isAbort(error)) throw error;
    return { ok: false, problem: NETWORK_PROBLEM };
  }
  const { data, error, response } = outcome;
  if (response.ok && data !== undefined) return { ok: true, data, response };
  if (isProblem(error)) return { ok: false, problem: { ...error, status: response.status }, response };
  return { ok: false, problem: unexpectedProblem(response.status), response };
}

export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: string }).name === 'AbortError';
}
