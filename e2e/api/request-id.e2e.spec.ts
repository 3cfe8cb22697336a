import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { devToken } from '@concord/client';
import { EVENTS } from '@concord/domain';
import { createGateway } from '@concord/gateway';
import { connectNats, createLogger } from '@concord/messaging';
import { EventCollector, testNats } from '@concord/testing';
import { registration, startTestSystem, type TestSystem } from '../support/system';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * One request id from the ministry's call to what every service did for it (issue 14, ADR 0025): the gateway takes
 * a fit X-Request-Id or makes one, answers with it on every response, problems included, and the services record it
 * with their audit entries and the events they publish, so support can find a request everywhere from one id.
 */
describe('request ids, end to end', () => {
  let sys: TestSystem;
  let token: string;
  let harness: NatsConnection;
  let events: EventCollector;

  beforeAll(async () => {
    sys = await startTestSystem();
    token = await devToken(sys.baseUrl, 'registrar@mcst');
    harness = await connectNats({ ...testNats('harness', sys.config.NATS_URL), maxReconnectAttempts: 0 });
    events = await new EventCollector(harness, sys.config.CONCORD_ENV).start();
  });
  afterAll(async () => {
    await events?.stop();
    await harness?.close();
    await sys?.stop();
  });

  const register = (requestId: string | undefined, body: unknown) =>
    fetch(`${sys.baseUrl}/v1/creators`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
      body: JSON.stringify(body),
    });

  it("gives back the caller's id, and a registration's audit entry and published event carry it", async () => {
    const requestId = `ministry-7:${randomUUID()}`;
    const answer = await register(requestId, registration('Lê Minh Khoa'));
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const created = (await answer.json()) as { id: string };

    const [event] = (await events.waitFor((seen) => seen.some((e) => e.correlationId === requestId))).filter(
      (e) => e.correlationId === requestId,
    );
    expect(event).toMatchObject({
      type: EVENTS.registry.creatorRegistered,
      requestIdHeader: requestId,
      data: { creator: expect.objectContaining({ id: created.id }) },
    });

    const auditor = await sys.as('auditor@mcst');
    const { data: trail } = await auditor.GET('/v1/audit', {
      params: { query: { subject: `creator:${created.id}` } },
    });
    expect(trail!.items).toEqual([expect.objectContaining({ action: 'creator.registered', requestId })]);
  });

  it('gives the id back on a problem, in the header and in the problem+json body', async () => {
    const requestId = 'support.case-2026_12:0042';
    const refused = await register(requestId, { kind: 'individual' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('x-request-id')).toBe(requestId);
    expect(await refused.json()).toMatchObject({ code: 'validation.failed', requestId });

    const unknown = await fetch(`${sys.baseUrl}/v1/no-such-route`, { headers: { 'x-request-id': requestId } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-request-id')).toBe(requestId);
    expect(await unknown.json()).toMatchObject({ requestId });

    const unauthenticated = await fetch(`${sys.baseUrl}/v1/creators`);
    expect(unauthenticated.status).toBe(401);
    const made = unauthenticated.headers.get('x-request-id');
    expect(made).toMatch(UUID);
    expect(await unauthenticated.json()).toMatchObject({ code: 'auth.unauthenticated', requestId: made });
  });

  it('replaces an id that is too long or has other characters with one of its own', async () => {
    for (const bad of ['x'.repeat(129), 'two words', 'semi;colon', 'ünïcode']) {
      const answer = await fetch(`${sys.baseUrl}/health`, { headers: { 'x-request-id': encodeURI(bad) } });
      const given = answer.headers.get('x-request-id');
      expect(given).toMatch(UUID);
      expect(given).not.toBe(bad);
    }
    const longest = 'a'.repeat(128);
    const kept = await fetch(`${sys.baseUrl}/health`, { headers: { 'x-request-id': longest } });
    expect(kept.headers.get('x-request-id')).toBe(longest);
  });

  it('logs one JSON line per request with the id, route and status, never the token or the body', async () => {
    const lines: string[] = [];
    const log = createLogger({ service: 'gateway', level: 'info', destination: { write: (line) => lines.push(line) } });
    const gateway = await createGateway(sys.config, { logger: false, log });
    try {
      await gateway.listen({ port: 0, host: '127.0.0.1' });
      const baseUrl = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
      // Dev tokens are signed by the gateway that issues them.
      const token = await devToken(baseUrl, 'registrar@mcst');
      const requestId = `log-check-${randomUUID()}`;
      const body = registration('Phạm Thu Hà');
      const answer = await fetch(`${baseUrl}/v1/creators`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
          'x-request-id': requestId,
        },
        body: JSON.stringify(body),
      });
      expect(answer.status).toBe(201);
      const { id } = (await answer.json()) as { id: string };
      // An unknown query parameter: refused (400), and neither the path's id nor the query reaches the log.
      await fetch(`${baseUrl}/v1/creators/${id}?nationalId=001199012345`, {
        headers: { authorization: `Bearer ${token}`, 'x-request-id': `${requestId}-read` },
      });
      // The line is written once the answer has gone.
      for (let i = 0; i < 100 && !lines.some((l) => l.includes(`${requestId}-read`)); i++)
        await new Promise((r) => setTimeout(r, 20));

      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const mine = parsed.filter((l) => l.msg === 'http request' && String(l.requestId).startsWith(requestId));
      expect(mine).toEqual([
        expect.objectContaining({
          service: 'gateway',
          level: 'info',
          method: 'POST',
          route: '/v1/creators',
          status: 201,
          requestId,
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({
          method: 'GET',
          route: '/v1/creators/:id',
          status: 400,
          requestId: `${requestId}-read`,
        }),
      ]);
      const everything = lines.join('');
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(body.personalData!.nationalId);
      expect(everything).not.toContain(id);
      expect(everything).not.toContain('001199012345');
    } finally {
      await gateway.close();
    }
  });
});
