import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { devToken } from '@concord/client';
import { jointCampaignRequest, registration, startTestSystem, type TestSystem } from '../support/system';

/**
 * Change feeds (issue 15): a ministry's system that holds a copy of an object sends its ETag back in If-None-Match and
 * is answered 304, with no body, until the object changes; what it creates comes back with the Location it is read at.
 */
describe('change feeds: ETag and If-None-Match on single-object reads, Location on creations', () => {
  let sys: TestSystem;
  let tokens: Record<'registrar' | 'mofa' | 'manager', string>;

  beforeAll(async () => {
    sys = await startTestSystem();
    const [registrar, mofa, manager] = await Promise.all(
      ['registrar@mcst', 'liaison@mofa', 'manager@mcst'].map((u) => devToken(sys.baseUrl, u)),
    );
    tokens = { registrar: registrar!, mofa: mofa!, manager: manager! };
  });
  afterAll(async () => sys?.stop());

  const call = (
    token: string,
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
  ) =>
    fetch(`${sys.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it("answers a creator's version as its ETag, 304 while it is unchanged, and the new version once it changed", async () => {
    const created = await call(tokens.registrar, '/v1/creators', { method: 'POST', body: registration('Đỗ Thu Hà') });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const first = await call(tokens.registrar, `/v1/creators/${id}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toBe('"v1"');

    const same = await call(tokens.registrar, `/v1/creators/${id}`, { headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect(same.headers.get('etag')).toBe(etag);
    expect(same.headers.get('x-request-id')).toBeTruthy();
    // A list of tags, weak or strong, is compared as RFC 9110 says; `*` matches any current object.
    const listed = await call(tokens.registrar, `/v1/creators/${id}`, {
      headers: { 'if-none-match': `"v9", W/${etag}` },
    });
    expect(listed.status).toBe(304);
    expect((await call(tokens.registrar, `/v1/creators/${id}`, { headers: { 'if-none-match': '*' } })).status).toBe(
      304,
    );

    const changed = await call(tokens.registrar, `/v1/creators/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': etag },
      body: { topics: ['tourism', 'culture'] },
    });
    expect(changed.status).toBe(200);
    const after = await call(tokens.registrar, `/v1/creators/${id}`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBe('"v2"');
    expect(await after.json()).toMatchObject({ id, topics: ['tourism', 'culture'] });
  });

  it('tags a single object without a version by what was sent, and a change brings a new tag', async () => {
    const submitted = await call(tokens.mofa, '/v1/campaign-requests', {
      method: 'POST',
      body: { leadOrgId: 'mcst-ttcs', ...jointCampaignRequest('Conditional reads — explainer clips') },
    });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };

    const read = await call(tokens.mofa, `/v1/campaign-requests/${id}`);
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(
      (await call(tokens.mofa, `/v1/campaign-requests/${id}`, { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);

    const accepted = await call(tokens.manager, `/v1/campaign-requests/${id}/accept`, {
      method: 'POST',
      body: { note: 'Welcome' },
    });
    expect(accepted.status).toBe(200);
    const again = await call(tokens.mofa, `/v1/campaign-requests/${id}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).not.toBe(etag);
    expect(await again.json()).toMatchObject({ id, status: 'accepted' });
  });

  it('never turns a refusal, a list or a write into a 304', async () => {
    const missing = await call(tokens.registrar, `/v1/creators/${randomUUID()}`, { headers: { 'if-none-match': '*' } });
    expect(missing.status).toBe(404);
    const list = await call(tokens.registrar, '/v1/creators?limit=1', { headers: { 'if-none-match': '*' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('etag')).toBeNull();
    const write = await call(tokens.registrar, '/v1/creators', {
      method: 'POST',
      headers: { 'if-none-match': '*' },
      body: registration('Phan Văn Đức'),
    });
    expect(write.status).toBe(201);
  });

  it('answers Location on a 201: where the created object (or the object a write added to) is read, on a replay too', async () => {
    const key = randomUUID();
    const sent = JSON.stringify(registration('Vũ Thị Lan'));
    const register = () =>
      fetch(`${sys.baseUrl}/v1/creators`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.registrar}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: sent,
      });
    const created = await register();
    const body = (await created.json()) as { id: string };
    expect({ status: created.status, body }).toMatchObject({ status: 201 });
    const { id } = body;
    expect(created.headers.get('location')).toBe(`/v1/creators/${id}`);
    const read = await call(tokens.registrar, created.headers.get('location')!);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id });

    const replayed = await register();
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.headers.get('location')).toBe(`/v1/creators/${id}`);

    const channel = await call(tokens.registrar, `/v1/creators/${id}/channels`, {
      method: 'POST',
      body: {
        platform: 'youtube',
        handle: `lan_${id.slice(0, 6)}`,
        url: `https://www.youtube.com/@lan_${id.slice(0, 6)}`,
        followers: 5000,
        verified: false,
      },
    });
    expect({ status: channel.status, body: await channel.clone().json() }).toMatchObject({ status: 201 });
    expect(channel.headers.get('location')).toBe(`/v1/creators/${id}`);

    const request = await call(tokens.mofa, '/v1/campaign-requests', {
      method: 'POST',
      body: { leadOrgId: 'mcst-ttcs', ...jointCampaignRequest('Location — explainer clips') },
    });
    expect(request.status).toBe(201);
    const location = request.headers.get('location')!;
    expect(location).toMatch(/^\/v1\/campaign-requests\/[0-9a-f-]{36}$/);
    expect((await call(tokens.mofa, location)).status).toBe(200);
  });

  it('documents Location on every 201 whose object can be read, and If-None-Match with a 304 on every single-object GET', async () => {
    const document = (await (await fetch(`${sys.baseUrl}/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { $ref?: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }
        >
      >;
    };
    const singleGets = Object.entries(document.paths).filter(([path, item]) => path.endsWith('}') && item.get);
    expect(singleGets.length).toBeGreaterThan(5);
    for (const [path, item] of singleGets) {
      expect({ path, has304: '304' in item.get!.responses }).toEqual({ path, has304: true });
    }
    expect(document.paths['/v1/creators']!.post!.responses['201']!.headers).toHaveProperty('Location');
    expect(document.paths['/v1/tasks']!.post!.responses['201']!.headers).toHaveProperty('Location');
    expect(JSON.stringify(document)).not.toContain('x-concord-created-at');
  });
});
