import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { ConcordClient, Schemas } from '@concord/client';
import { registration, startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

type Registration = Schemas['RegisterCreator'];

describe('creators through the gateway, with the typed client (as a ministry integrates)', () => {
  let sys: TestSystem;
  let registrar: ConcordClient;
  let reviewer: ConcordClient;
  let mofa: ConcordClient;
  let auditor: ConcordClient;

  beforeAll(async () => {
    sys = await startTestSystem();
    [registrar, reviewer, mofa, auditor] = await Promise.all(
      ['registrar@mcst', 'reviewer@mcst', 'liaison@mofa', 'auditor@mcst'].map((u) => sys.as(u)),
    );
  });
  afterAll(async () => sys.stop());

  it('says who the caller is', async () => {
    const { data } = await mofa.GET('/v1/me');
    expect(data).toMatchObject({
      user: { id: 'liaison@mofa' },
      agency: { id: 'mofa', kind: 'partner' },
      roles: ['liaison'],
    });
  });

  it('refuses calls without a valid token with 401 problem+json', async () => {
    const none = await fetch(`${sys.baseUrl}/v1/creators`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect(await none.json()).toMatchObject({ code: 'auth.unauthenticated', status: 401 });
    const forged = await fetch(`${sys.baseUrl}/v1/me`, {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
    });
    expect(forged.status).toBe(401);
  });

  it('registers a creator, then finds them by a misspelled, unaccented name', async () => {
    const { data: created, response } = await registrar.POST('/v1/creators', {
      body: registration('Trần Thị Thu Trang'),
    });
    expect(response.status).toBe(201);
    expect(created).toMatchObject({ displayName: 'Trần Thị Thu Trang', status: 'prospect', hasPersonalData: true });
    for (const q of ['tran thi thu trang', 'Tran Thi Thu Tarng']) {
      const { data } = await reviewer.GET('/v1/creators', { params: { query: { q } } });
      expect(data!.items.map((c) => c.id)).toContain(created!.id);
    }
    const { data: filtered } = await reviewer.GET('/v1/creators', {
      params: { query: { topic: 'tourism', platform: 'tiktok', minFollowers: 100000, verified: true } },
    });
    expect(filtered!.items.map((c) => c.id)).toContain(created!.id);
  });

  it('refuses a duplicate channel with 409 creator.channel_taken naming the existing creator', async () => {
    const handle = uniqueHandle('dup');
    const { data: first } = await registrar.POST('/v1/creators', { body: registration('Lý Hải Đăng', handle) });
    const { error, response } = await registrar.POST('/v1/creators', {
      body: registration('Another Person', `@${handle.toUpperCase()}`),
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error).toMatchObject({
      code: 'creator.channel_taken',
      existingCreatorId: first!.id,
      errors: [{ path: 'channels.0.handle' }],
    });
  });

  it('answers invalid input with 400 and every field path, and registers nothing', async () => {
    const bad = {
      ...registration('Bad Input'),
      languages: ['vi', 'english'],
      channels: [{ platform: 'tiktok', handle: 'x', url: 'not a url', followers: -5, verified: false }],
    };
    const { error, response } = await registrar.POST('/v1/creators', { body: bad as Registration });
    expect(response.status).toBe(400);
    expect(error!.errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining(['languages.1', 'channels.0.url', 'channels.0.followers']),
    );
    const { data } = await reviewer.GET('/v1/creators', { params: { query: { q: 'Bad Input' } } });
    expect(data!.items.filter((c) => c.displayName === 'Bad Input')).toHaveLength(0);
    const malformed = await fetch(`${sys.baseUrl}/v1/creators`, {
      method: 'POST',
      headers: { authorization: await registrarHeader(), 'content-type': 'application/json' },
      body: '{"kind":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'validation.failed' });
  });

  it('lets only the registry roles write, and hides non-active creators from partner agencies as 404', async () => {
    const { response: denied } = await reviewer.POST('/v1/creators', { body: registration('Not Allowed') });
    expect(denied.status).toBe(403);
    const { data: c } = await registrar.POST('/v1/creators', { body: registration('Đoàn Minh Khôi') });
    const hidden = await mofa.GET('/v1/creators/{id}', { params: { path: { id: c!.id } } });
    expect(hidden.response.status).toBe(404);
    // Vetted needs a passed vetting result on record: 409 creator.vetting_required without one.
    const unvetted = await registrar.POST('/v1/creators/{id}/status', {
      params: { path: { id: c!.id } },
      body: { to: 'vetted', reason: 'vetting passed' },
    });
    expect(unvetted.response.status).toBe(409);
    expect(unvetted.error).toMatchObject({
      code: 'creator.vetting_required',
      errors: [expect.objectContaining({ path: 'to' })],
    });
    await registrar.POST('/v1/creators/{id}/vetting', {
      params: { path: { id: c!.id } },
      body: { outcome: 'passed', notes: 'Identity and past content checked' },
    });
    await registrar.POST('/v1/creators/{id}/status', {
      params: { path: { id: c!.id } },
      body: { to: 'vetted', reason: 'vetting passed' },
    });
    await registrar.POST('/v1/creators/{id}/status', {
      params: { path: { id: c!.id } },
      body: { to: 'active', reason: 'agreement signed' },
    });
    const visible = await mofa.GET('/v1/creators/{id}', { params: { path: { id: c!.id } } });
    expect(visible.response.status).toBe(200);
    expect(visible.data!.vetting).toBeUndefined();
    const { data: page } = await mofa.GET('/v1/creators', { params: { query: { limit: 200 } } });
    expect(page!.items.every((i) => i.status === 'active')).toBe(true);
  });

  it('answers a forbidden status move with 409 naming the allowed moves', async () => {
    const { data: c } = await registrar.POST('/v1/creators', { body: registration('Cao Thùy Dương') });
    const { error, response } = await registrar.POST('/v1/creators/{id}/status', {
      params: { path: { id: c!.id } },
      body: { to: 'active', reason: 'hurry' },
    });
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'creator.status_transition_forbidden', allowed: ['vetted', 'offboarded'] });
  });

  it('needs the expected version on PATCH and refuses a stale one with 412', async () => {
    const { data: c } = await registrar.POST('/v1/creators', { body: registration('Mai Phương Thảo') });
    const got = await reviewer.GET('/v1/creators/{id}', { params: { path: { id: c!.id } } });
    expect(got.response.headers.get('etag')).toBe('"v1"');
    const missing = await registrar.PATCH('/v1/creators/{id}', {
      params: { path: { id: c!.id } },
      body: { topics: ['culture'] },
    });
    expect(missing.response.status).toBe(428);
    const ok = await registrar.PATCH('/v1/creators/{id}', {
      params: { path: { id: c!.id }, header: { 'If-Match': '"v1"' } },
      body: { topics: ['culture'] },
    });
    expect(ok.data).toMatchObject({ version: 2, topics: ['culture'] });
    const stale = await registrar.PATCH('/v1/creators/{id}', {
      params: { path: { id: c!.id } },
      body: { topics: ['history'], expectedVersion: 1 },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ code: 'version.mismatch', currentVersion: 2 });
  });

  it('replays a retried POST with the same Idempotency-Key and refuses the key for another body with 422', async () => {
    const body = registration('Hà Anh Tuấn Travel');
    const key = `retry-${uniqueHandle('k')}`;
    const first = await registrar.POST('/v1/creators', { body, params: { header: { 'Idempotency-Key': key } } });
    const again = await registrar.POST('/v1/creators', { body, params: { header: { 'Idempotency-Key': key } } });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data!.id).toBe(first.data!.id);
    const other = await registrar.POST('/v1/creators', {
      body: registration('Someone New'),
      params: { header: { 'Idempotency-Key': key } },
    });
    expect(other.response.status).toBe(422);
    expect(other.error).toMatchObject({ code: 'idempotency.key_reused' });
  });

  it('does not register twice when the gateway died after the registry committed, and the client retries', async () => {
    const body = registration('Tạ Quang Vinh Review');
    const key = `crash-${uniqueHandle('k')}`;
    const first = await registrar.POST('/v1/creators', { body, params: { header: { 'Idempotency-Key': key } } });
    expect(first.response.status).toBe(201);
    // What a gateway that crashed before storing the response leaves behind: no record of the key.
    const db = new pg.Client({ connectionString: sys.databaseUrl });
    await db.connect();
    try {
      await db.query("DELETE FROM gateway.idempotency_keys WHERE scope LIKE '%' || $1", [key]);
      const retry = await registrar.POST('/v1/creators', { body, params: { header: { 'Idempotency-Key': key } } });
      expect(retry.response.status).toBe(201);
      expect(retry.data!.id).toBe(first.data!.id);
      const { rows } = await db.query('SELECT count(*)::int AS n FROM registry.channels WHERE handle_normalized = $1', [
        body.channels![0].handle.toLowerCase(),
      ]);
      expect(rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('reads personal data only with a reason, and the auditor sees that read in a trail that verifies', async () => {
    const { data: c } = await registrar.POST('/v1/creators', { body: registration('Phan Gia Huy') });
    const noReason = await registrar.GET('/v1/creators/{id}/personal-data', {
      params: { path: { id: c!.id }, query: {} as { reason: string } },
    });
    expect(noReason.response.status).toBe(400);
    const pd = await registrar.GET('/v1/creators/{id}/personal-data', {
      params: { path: { id: c!.id }, query: { reason: 'check identity before signing' } },
    });
    expect(pd.data).toMatchObject({ legalName: 'Phan Gia Huy', nationalId: '001199012345' });
    const refused = await reviewer.GET('/v1/creators/{id}/personal-data', {
      params: { path: { id: c!.id }, query: { reason: 'curious' } },
    });
    expect(refused.response.status).toBe(403);

    const { data: trail } = await auditor.GET('/v1/audit', { params: { query: { subject: `creator:${c!.id}` } } });
    expect(trail!.items.map((e) => [e.action, e.actor.userId, e.reason])).toEqual([
      ['creator.personal_data_read', 'registrar@mcst', 'check identity before signing'],
      ['creator.registered', 'registrar@mcst', null],
    ]);
    await sys.settleAudit();
    const { data: verdict } = await auditor.GET('/v1/audit/verify');
    expect(verdict).toMatchObject({ valid: true });
    expect(verdict!.entries).toBeGreaterThan(2);
    const notAuditor = await reviewer.GET('/v1/audit/verify');
    expect(notAuditor.response.status).toBe(403);
  });

  it('lists near-duplicate names for the registrar, and a dismissed pair leaves the list', async () => {
    const { data: a } = await registrar.POST('/v1/creators', { body: registration('Nguyễn Thị Hồng Nhung') });
    const { data: b, response } = await registrar.POST('/v1/creators', { body: registration('Nguyen Thi Hong Nhung') });
    expect(response.status).toBe(201);
    expect(b!.possibleDuplicates!.map((d) => d.id)).toContain(a!.id);
    const isPair = (p: { a: { id: string }; b: { id: string } }) =>
      [p.a.id, p.b.id].sort().join() === [a!.id, b!.id].sort().join();
    const { data: before } = await registrar.GET('/v1/creators/duplicates', { params: { query: { limit: 200 } } });
    expect(before!.items.some(isPair)).toBe(true);
    const denied = await reviewer.GET('/v1/creators/duplicates');
    expect(denied.response.status).toBe(403);

    const dismissed = await registrar.POST('/v1/creators/duplicates/dismissals', {
      body: { creatorIds: [b!.id, a!.id], reason: 'different people: checked national IDs' },
    });
    expect(dismissed.response.status).toBe(201);
    expect(dismissed.data).toMatchObject({
      reason: 'different people: checked national IDs',
      dismissedBy: 'registrar@mcst',
    });
    const { data: after } = await registrar.GET('/v1/creators/duplicates', { params: { query: { limit: 200 } } });
    expect(after!.items.some(isPair)).toBe(false);
  });

  async function registrarHeader(): Promise<string> {
    const r = await fetch(`${sys.baseUrl}/v1/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'registrar@mcst' }),
    });
    return `Bearer ${((await r.json()) as { token: string }).token}`;
  }
});
