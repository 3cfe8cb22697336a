import type { ConcordClient } from '../api/client';

export interface Call {
  method: string;
  path: string;
  init: {
    body?: unknown;
    params?: { path?: Record<string, string>; query?: Record<string, unknown>; header?: Record<string, string> };
  };
}
type Answer = { status: number; body: unknown } | ((call: Call) => { status: number; body: unknown });

/**
 * A stand-in for `@concord/client` in component tests: answers per `METHOD /path`
 * (as openapi-fetch would: `data` on success, `error` with the problem otherwise)
 * and records every call.
 */
export function fakeClient(answers: Record<string, Answer>): ConcordClient & { calls: Call[] } {
  const calls: Call[] = [];
  const call =
    (method: string) =>
    async (path: string, init: Call['init'] = {}) => {
      const entry = { method, path, init };
      calls.push(entry);
      const answer = answers[`${method} ${path}`];
      if (!answer) throw new Error(`No answer for ${method} ${path}`);
      const { status, body } = typeof answer === 'function' ? answer(entry) : answer;
      const response = { ok: status < 400, status } as Response;
      return status < 400 ? { data: body, response } : { error: body, response };
    };
  return {
    GET: call('GET'),
    POST: call('POST'),
    PUT: call('PUT'),
    PATCH: call('PATCH'),
    DELETE: call('DELETE'),
    calls,
  } as unknown as ConcordClient & { calls: Call[] };
}
