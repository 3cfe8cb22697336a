/**
 * The client's `fetch`: every write carries an Idempotency-Key (a new UUID unless the caller sent one), and a request
 * that met a network failure, a 503, a 429 or a 409 `idempotency.in_progress` is sent again, after the `Retry-After`
 * the gateway gave (or a short backoff), with the same key: Concord applies a keyed write at most once, so a retry
 * answers the first attempt's result instead of doing it twice.
 */

export interface RetryOptions {
  /** How many times a request is sent again at most (default 3; 0 sends each once). */
  retries?: number;
  /** The longest wait between attempts, whatever Retry-After says (default 30 s). */
  maxDelayMs?: number;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether an answer asks to be retried later: 503, 429, or 409 `idempotency.in_progress`. */
async function asksForRetry(response: Response): Promise<boolean> {
  if (response.status === 503 || response.status === 429) return true;
  if (response.status !== 409) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: unknown } | null;
  return body?.code === 'idempotency.in_progress';
}

/** The wait before attempt `attempt` (1-based retry): Retry-After's seconds, else 0.25 s doubling; capped. */
function delayMs(response: Response | null, attempt: number, maxDelayMs: number): number {
  const seconds = Number(response?.headers.get('retry-after'));
  const wanted = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 250 * 2 ** (attempt - 1);
  return Math.min(wanted, maxDelayMs);
}

export function retryingFetch(base: typeof fetch = fetch, options: RetryOptions = {}): typeof fetch {
  const retries = options.retries ?? 3;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  return async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (WRITES.has(request.method) && !request.headers.has('idempotency-key')) {
      request.headers.set('idempotency-key', crypto.randomUUID());
    }
    for (let attempt = 0; ; attempt++) {
      let response: Response | null = null;
      try {
        response = await base(request.clone());
        if (attempt >= retries || !(await asksForRetry(response))) return response;
      } catch (error) {
        // Nothing came back (a connection reset, a timeout): the write may or may not have been applied; the same
        // key makes sending it again safe.
        if (attempt >= retries) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs(response, attempt + 1, maxDelayMs)));
    }
  };
}
