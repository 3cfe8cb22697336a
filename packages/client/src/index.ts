import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';
import { retryingFetch, type RetryOptions } from './retrying-fetch';

export { retryingFetch, type RetryOptions } from './retrying-fetch';
export { ConcordError, eachItem, type Page, type PageAnswer } from './pages';

export type { components, operations, paths };
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

export interface ConcordClientOptions {
  /** e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  /** A bearer token, or a function that returns the current one. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /**
   * Writes get an Idempotency-Key unless you send one, and a request that met a network failure, 503, 429 or 409
   * `idempotency.in_progress` is sent again after Retry-After with the same key (default: up to 3 times). `false`
   * sends each request once, as it is.
   */
  retry?: RetryOptions | false;
}

export type ConcordClient = Client<paths>;

/**
 * The typed Concord API client (openapi-typescript types + openapi-fetch),
 * generated from the gateway's OpenAPI document. Paths, parameters, bodies
 * and responses are checked by the compiler.
 *
 *   const api = createConcordClient({ baseUrl, token });
 *   const { data, error } = await api.GET('/v1/creators', { params: { query: { q: 'quang linh' } } });
 */
export function createConcordClient(options: ConcordClientOptions): ConcordClient {
  const base = options.fetch ?? ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, init));
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.retry === false ? base : retryingFetch(base, options.retry),
    headers: options.headers,
  });
  if (options.token) {
    const auth: Middleware = {
      async onRequest({ request }) {
        const token = typeof options.token === 'function' ? await options.token() : options.token;
        if (token) request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}

/** Gets a dev token for a seeded user (only when the gateway runs with CONCORD_DEV_AUTH=1). */
export async function devToken(baseUrl: string, username: string): Promise<string> {
  const { data, error } = await createConcordClient({ baseUrl }).POST('/v1/auth/dev-token', { body: { username } });
  if (!data) throw new Error(`No dev token for ${username}: ${JSON.stringify(error)}`);
  return data.token;
}
