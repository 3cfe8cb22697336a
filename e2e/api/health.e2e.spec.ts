import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { generateActorKeyPair } from '@concord/messaging';
import { registration, startTestSystem, type TestSystem } from '../support/system';

describe('health, docs and dev auth', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startTestSystem();
  });
  afterAll(async () => sys.stop());

  it('serves the OpenAPI document and readable docs without a token', async () => {
    const doc = await fetch(`${sys.baseUrl}/openapi.json`);
    expect(doc.status).toBe(200);
    const body = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/creators',
        '/v1/audit/verify',
        '/health',
        '/health/live',
        '/health/ready',
        '/health/system',
      ]),
    );
    const docs = await fetch(`${sys.baseUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('refuses a dev token for an unknown user', async () => {
    const r = await fetch(`${sys.baseUrl}/v1/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"nobody"}',
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: 'validation.failed', errors: [{ path: 'username' }] });
  });

  it('stays live and ready while a service is down; /health/system names the service', async () => {
    for (const path of ['/health', '/health/live']) {
      const live = await fetch(`${sys.baseUrl}${path}`);
      expect({ path, status: live.status, body: await live.json() }).toEqual({
        path,
        status: 200,
        body: { status: 'ok' },
      });
    }
    const ready = await fetch(`${sys.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    // Only this gateway's own connections: nothing about the services.
    expect(await ready.json()).toEqual({
      status: 'ok',
      info: { postgres: { status: 'up' }, nats: { status: 'up' } },
      error: {},
      details: { postgres: { status: 'up' }, nats: { status: 'up' } },
    });
    const system = await fetch(`${sys.baseUrl}/health/system`);
    expect(system.status).toBe(200);
    const up = { status: 'up' };
    expect(await system.json()).toMatchObject({
      status: 'ok',
      info: { postgres: up, nats: up, registry: up, agreements: up, tasking: up, approvals: up },
      error: {},
    });

    await sys.registry.close();
    const down = await fetch(`${sys.baseUrl}/health/system`);
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await down.json()) as { status: string; error: Record<string, { status: string }> };
    expect(body.status).toBe('error');
    expect(Object.keys(body.error)).toEqual(['registry']);
    // A load balancer keeps this gateway: it still serves everything but the registry.
    expect((await fetch(`${sys.baseUrl}/health/ready`)).status).toBe(200);
    expect((await fetch(`${sys.baseUrl}/health/live`)).status).toBe(200);
    const creators = await (await sys.as('reviewer@mcst')).GET('/v1/creators');
    expect(creators.response.status).toBe(503);
    expect(creators.error).toMatchObject({ code: 'service.unavailable', service: 'registry' });
  });
});

describe('without CONCORD_DEV_AUTH', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startTestSystem({
      CONCORD_DEV_AUTH: '0',
      AUTH_PUBLIC_KEY:
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u\n+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyeh\nkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ\n0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdg\ncKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbc\nmwIDAQAB\n-----END PUBLIC KEY-----',
    });
  });
  afterAll(async () => sys.stop());

  it('has no dev-token route', async () => {
    const r = await fetch(`${sys.baseUrl}/v1/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"admin@mcst"}',
    });
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('a gateway signing with a key the services do not believe (ADR 0014)', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startTestSystem({ CONCORD_ACTOR_KEY: generateActorKeyPair().privateKey });
  });
  afterAll(async () => sys.stop());

  it('is ready (its own connections answer) but its system status names every service, and a signed-in user gets 500 actor.unproven with nothing registered', async () => {
    expect((await fetch(`${sys.baseUrl}/health/ready`)).status).toBe(200);
    const system = await fetch(`${sys.baseUrl}/health/system`);
    expect(system.status).toBe(503);
    const body = (await system.json()) as { error: Record<string, { status: string; message: string }> };
    expect(Object.keys(body.error).sort()).toEqual(['agreements', 'approvals', 'registry', 'tasking']);
    expect(body.error.registry.message).toMatch(/actor is not proven \(unknown_issuer\)/);

    const registrar = await sys.as('registrar@mcst');
    const created = await registrar.POST('/v1/creators', {
      body: registration('Không Ai Tin Khoá Này'),
      params: { header: { 'Idempotency-Key': 'untrusted-gateway-1' } },
    });
    expect(created.response.status).toBe(500);
    expect(created.error).toMatchObject({ code: 'actor.unproven' });
    const db = new pg.Client({ connectionString: sys.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        "SELECT count(*)::int AS n FROM registry.creators WHERE display_name = 'Không Ai Tin Khoá Này'",
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });
});
