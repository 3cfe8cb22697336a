import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { devToken } from '@concord/client';
import { FIELD_CODES } from '@concord/domain';
import { startTestSystem, type TestSystem } from '../support/system';

/** What every layer answers to bad input: problem+json with a stable code, field paths for validation, nothing changed. */
describe('bad input through the gateway', () => {
  let sys: TestSystem;
  let registrar: string;
  let manager: string;
  let mofa: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    [registrar, manager, mofa] = await Promise.all(
      ['registrar@mcst', 'manager@mcst', 'liaison@mofa'].map((u) => devToken(sys.baseUrl, u)),
    );
  });
  afterAll(async () => sys.stop());

  const send = (
    token: string | null,
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${sys.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body,
    });

  async function problem(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { code: string; errors?: { path: string }[] };
    expect(body.code).toBe(code);
    if (code === 'validation.failed') expect(body.errors?.length).toBeGreaterThan(0);
    return body;
  }

  it('answers framework errors as problem+json with a code: malformed JSON, unknown route, body too large, wrong content type', async () => {
    await problem(await send(registrar, 'POST', '/v1/creators', '{"kind": "individual",'), 400, 'validation.failed');
    await problem(await send(registrar, 'GET', '/v1/no-such-thing'), 404, 'not_found');
    await problem(await send(null, 'GET', '/v1/no-such-thing'), 404, 'not_found');
    await problem(
      await send(registrar, 'POST', '/v1/creators', JSON.stringify({ displayName: 'x'.repeat(1_100_000) })),
      413,
      'validation.failed',
    );
    // Another type is read as it comes (documents arrive as bytes); the route's contract then names what is missing.
    await problem(
      await send(registrar, 'POST', '/v1/creators', 'kind=individual', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      400,
      'validation.failed',
    );
    await problem(
      await send(registrar, 'POST', '/v1/creators', 'kind', { 'content-type': 'text/plain' }),
      400,
      'validation.failed',
    );
    await problem(await send(registrar, 'DELETE', '/v1/creators'), 404, 'not_found');
  });

  it("answers what Node's HTTP parser refuses as problem+json with a listed field code: not HTTP, headers too large", async () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(sys.baseUrl);
        const socket = connect(Number(port), hostname, () => socket.end(request));
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const parse = (answer: string) => {
      const [head, body] = answer.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), problem: JSON.parse(body) as { code: string; errors: unknown[] } };
    };
    const notHttp = parse(await raw('HELLO THERE\r\n\r\n'));
    expect(notHttp.status).toBe(400);
    expect(notHttp.problem).toMatchObject({
      code: 'validation.failed',
      errors: [{ path: '(request)', code: 'not_http' }],
    });
    const huge = parse(await raw(`GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(huge.status).toBe(431);
    expect(huge.problem.errors).toEqual([expect.objectContaining({ path: '(request)', code: 'headers_too_large' })]);
    for (const { code } of [...notHttp.problem.errors, ...huge.problem.errors] as { code: string }[]) {
      expect(FIELD_CODES).toContain(code);
    }
  });

  it('refuses NUL and lone surrogates in a body, a query string and a path, naming the field', async () => {
    const body = await problem(
      await send(registrar, 'POST', '/v1/creators', JSON.stringify({ kind: 'individual', displayName: 'An\u0000' })),
      400,
      'validation.failed',
    );
    expect(body.errors!.map((e) => e.path)).toEqual(['displayName']);
    // JSON can carry half a surrogate pair (UTF-8 in a URL cannot).
    const lone = await problem(
      await send(registrar, 'POST', '/v1/creators', '{"kind":"individual","displayName":"An","topics":["\\ud83d"]}'),
      400,
      'validation.failed',
    );
    expect(lone.errors!.map((e) => e.path)).toEqual(['topics.0']);
    const nul = await problem(await send(registrar, 'GET', '/v1/creators?q=a%00b'), 400, 'validation.failed');
    expect(nul.errors!.map((e) => e.path)).toEqual(['q']);
    const path = await problem(await send(registrar, 'GET', '/v1/creators/%00'), 400, 'validation.failed');
    expect(path.errors!.map((e) => e.path)).toEqual(['id']);
  });

  it('refuses a query parameter the route does not have, naming it', async () => {
    const body = await problem(
      await send(registrar, 'GET', '/v1/creators?region=FR&topic=tourism'),
      400,
      'validation.failed',
    );
    expect(body.errors!.map((e) => e.path)).toEqual(['region']);
    const none = await problem(await send(registrar, 'GET', '/v1/me?debug=1'), 400, 'validation.failed');
    expect(none.errors!.map((e) => e.path)).toEqual(['debug']);
  });

  it('refuses integers beyond what the database holds, with the range in the OpenAPI document', async () => {
    const body = await problem(
      await send(registrar, 'GET', '/v1/creators?minFollowers=4294967296'),
      400,
      'validation.failed',
    );
    expect(body.errors!.map((e) => e.path)).toEqual(['minFollowers']);
    const doc = (await (await fetch(`${sys.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters: { name: string; schema: object }[] }>>;
    };
    expect(doc.paths['/v1/creators'].get.parameters.find((p) => p.name === 'minFollowers')!.schema).toMatchObject({
      minimum: 0,
      maximum: 2147483647,
    });
  });

  it('takes a date-time with an offset and answers it in UTC; refuses a period that ends before it starts', async () => {
    const created = await send(
      mofa,
      'POST',
      '/v1/tasks',
      JSON.stringify({ toAgencyId: 'mcst-ttcs', title: 'Clips', description: 'x', dueAt: '2099-09-02T08:00:00+07:00' }),
    );
    expect(created.status).toBe(201);
    expect(((await created.json()) as { dueAt: string }).dueAt).toBe('2099-09-02T01:00:00.000Z');
    const reversed = await problem(
      await send(manager, 'GET', '/v1/calendar?from=2026-10-01&to=2026-09-01'),
      400,
      'validation.failed',
    );
    expect(reversed.errors!.map((e) => e.path)).toEqual(['to']);
  });

  it('answers a task on an unknown campaign 404 at campaignId, not 500', async () => {
    const body = await problem(
      await send(
        mofa,
        'POST',
        '/v1/tasks',
        JSON.stringify({
          toAgencyId: 'mcst-ttcs',
          campaignId: '01900000-0000-7000-8000-000000000000',
          title: 'Clips',
          description: 'x',
          dueAt: '2099-01-01T00:00:00Z',
        }),
      ),
      404,
      'not_found',
    );
    expect(body.errors!.map((e) => e.path)).toEqual(['campaignId']);
  });
});
