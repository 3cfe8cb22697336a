import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConcordClient, devToken, eachItem, type ConcordClient } from '@concord/client';
import { registration, startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

/**
 * The typed client as a ministry's system uses it (issue 15): writes carry an Idempotency-Key without being asked, a
 * request whose answer was lost or that was told to come back later is sent again with the same key (applied once),
 * and a cursor-paged list reads as one sequence.
 */
describe('the typed client: keys, retries and pages', () => {
  let sys: TestSystem;
  let token: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    token = await devToken(sys.baseUrl, 'registrar@mcst');
  });
  afterAll(async () => sys?.stop());

  const named = async (api: ConcordClient, q: string) => {
    const { data } = await api.GET('/v1/creators', { params: { query: { q, limit: 100 } } });
    return data!.items.filter((c) => c.displayName === q);
  };

  it('sends a write whose answer was lost again with the same key: the creator is registered once', async () => {
    let lost = 0;
    const keys: (string | null)[] = [];
    // The connection drops after the gateway has answered the first attempt: the client never sees that answer.
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      keys.push(request.headers.get('idempotency-key'));
      const response = await fetch(request);
      if (request.method === 'POST' && lost++ === 0) throw new TypeError('fetch failed: connection reset');
      return response;
    };
    const api = createConcordClient({ baseUrl: sys.baseUrl, token, fetch: flaky });
    const name = `Client Retry ${uniqueHandle('n')}`;
    const { data, response } = await api.POST('/v1/creators', { body: registration(name) });
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect((await named(api, name)).map((c) => c.id)).toEqual([data!.id]);
  });

  describe('behind a gateway that first says "come back later"', () => {
    let proxy: Server;
    let proxyUrl: string;
    const seen: { method: string; key: string | undefined }[] = [];
    let refuseNext = 0;

    beforeAll(async () => {
      proxy = createServer((request: IncomingMessage, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (c: Buffer) => chunks.push(c));
        request.on('end', () => {
          seen.push({ method: request.method!, key: request.headers['idempotency-key'] as string | undefined });
          if (refuseNext > 0) {
            refuseNext -= 1;
            response
              .writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' })
              .end(JSON.stringify({ status: 503, code: 'service.unavailable', title: 'Try again shortly' }));
            return;
          }
          const headers = Object.fromEntries(
            Object.entries(request.headers).filter(([k]) => k !== 'host' && k !== 'content-length'),
          ) as Record<string, string>;
          void fetch(`${sys.baseUrl}${request.url}`, {
            method: request.method,
            headers,
            body: chunks.length ? Buffer.concat(chunks) : undefined,
          }).then(async (answer) => {
            const answered: Record<string, string> = {};
            answer.headers.forEach((value, name) => (answered[name] = value));
            response.writeHead(answer.status, answered).end(Buffer.from(await answer.arrayBuffer()));
          });
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    });
    afterAll(async () => new Promise<void>((resolve) => proxy.close(() => resolve())));

    it('waits the Retry-After of a 503 and sends the write again with the same key', async () => {
      const api = createConcordClient({ baseUrl: proxyUrl, token });
      seen.length = 0;
      refuseNext = 1;
      const name = `Client Later ${uniqueHandle('n')}`;
      const { response } = await api.POST('/v1/creators', { body: registration(name) });
      expect(response.status).toBe(201);
      expect(seen.map((s) => s.method)).toEqual(['POST', 'POST']);
      expect(seen[1]!.key).toBe(seen[0]!.key);
      expect(await named(api, name)).toHaveLength(1);
    });

    it('gives up after its retries and answers the 503, and with retry off sends once', async () => {
      seen.length = 0;
      refuseNext = 10;
      const patient = createConcordClient({ baseUrl: proxyUrl, token, retry: { retries: 1, maxDelayMs: 10 } });
      expect((await patient.GET('/v1/creators', {})).response.status).toBe(503);
      expect(seen).toHaveLength(2);
      seen.length = 0;
      const once = createConcordClient({ baseUrl: proxyUrl, token, retry: false });
      const { response, error } = await once.POST('/v1/creators', { body: registration('Never sent twice') });
      expect(response.status).toBe(503);
      expect(error).toMatchObject({ code: 'service.unavailable' });
      expect(seen).toEqual([{ method: 'POST', key: undefined }]);
      refuseNext = 0;
    });
  });

  it('reads every page of a list as one sequence', async () => {
    const api = createConcordClient({ baseUrl: sys.baseUrl, token });
    const name = `Client Pages ${uniqueHandle('n')}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await api.POST('/v1/creators', { body: registration(name) })).data!.id);
    const read: string[] = [];
    for await (const creator of eachItem((cursor) =>
      api.GET('/v1/creators', { params: { query: { q: name, limit: 1, cursor } } }),
    )) {
      if (creator.displayName === name) read.push(creator.id);
    }
    expect(read.sort()).toEqual(ids.sort());
  });
});
