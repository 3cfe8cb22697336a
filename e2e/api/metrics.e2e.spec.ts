import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { devToken } from '@concord/client';
import { SUBJECTS } from '@concord/domain';
import { METRICS, readSample } from '@concord/messaging';
import { registration, startTestSystem, type TestSystem } from '../support/system';

/**
 * Every process serves its Prometheus metrics on a port of its own (issue 14, ADR 0027): a registration through the
 * gateway is counted by the gateway (HTTP, by route pattern) and by the registry (NATS, by subject as in code), and
 * the outbox and pool gauges are there to alert on. The gateway's public port does not serve them.
 */
describe('metrics, end to end', () => {
  let sys: TestSystem;
  let token: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    token = await devToken(sys.baseUrl, 'registrar@mcst');
  });
  afterAll(async () => {
    await sys?.stop();
  });

  const scrape = async (url: string) => {
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    return answer.text();
  };
  const created = { service: 'gateway', method: 'POST', route: '/v1/creators', status: '201' };
  const handled = { service: 'registry', subject: SUBJECTS.registry.creatorCreate, outcome: 'ok' };

  it('counts a registration in the gateway and the registry, and shows the outbox and pool gauges', async () => {
    const gatewayBefore = readSample(await scrape(sys.metricsUrls.gateway), METRICS.httpRequests, created) ?? 0;
    const registryBefore = readSample(await scrape(sys.metricsUrls.registry), METRICS.natsRequests, handled) ?? 0;

    const answer = await fetch(`${sys.baseUrl}/v1/creators`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(registration('Phạm Thu Hà')),
    });
    expect(answer.status).toBe(201);

    const gateway = await scrape(sys.metricsUrls.gateway);
    expect(readSample(gateway, METRICS.httpRequests, created)).toBe(gatewayBefore + 1);
    expect(
      readSample(gateway, `${METRICS.httpDuration}_count`, { method: 'POST', route: '/v1/creators' }),
    ).toBeGreaterThanOrEqual(1);
    // No raw path ever: a creator's id never becomes a label.
    expect(gateway).not.toMatch(/route="\/v1\/creators\/[0-9a-f]{8}-/);
    expect(
      readSample(gateway, METRICS.natsClientRequests, { subject: SUBJECTS.registry.creatorCreate, outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(readSample(gateway, METRICS.dbPool, { service: 'gateway', state: 'total' })).toBeGreaterThanOrEqual(1);

    const registry = await scrape(sys.metricsUrls.registry);
    expect(readSample(registry, METRICS.natsRequests, handled)).toBe(registryBefore + 1);
    expect(readSample(registry, `${METRICS.natsDuration}_count`, { subject: handled.subject })).toBeGreaterThanOrEqual(
      1,
    );
    expect(readSample(registry, METRICS.outboxUnpublished, { service: 'registry' })).toBeGreaterThanOrEqual(0);
    expect(readSample(registry, METRICS.outboxOldest, { service: 'registry' })).toBeGreaterThanOrEqual(0);
    for (const state of ['total', 'idle', 'waiting'])
      expect(readSample(registry, METRICS.dbPool, { service: 'registry', state })).toBeGreaterThanOrEqual(0);
    expect(readSample(registry, METRICS.dbPool, { state: 'total' })).toBeGreaterThanOrEqual(1);
    // The registry's event consumer's backlog, asked of JetStream on scrape.
    expect(registry).toMatch(
      new RegExp(`^${METRICS.consumerPending}\\{durable="[^"]+",service="registry"\\} \\d+$`, 'm'),
    );
    expect(readSample(registry, 'process_resident_memory_bytes', { service: 'registry' })).toBeGreaterThan(0);
  });

  it('serves each process its own metrics, and none on the public port', async () => {
    const ports = new Set(Object.values(sys.metricsUrls).map((url) => new URL(url).port));
    expect(ports.size).toBe(5);
    expect(new URL(sys.metricsUrls.gateway).port).not.toBe(new URL(sys.baseUrl).port);
    const tasking = await scrape(sys.metricsUrls.tasking);
    expect(readSample(tasking, METRICS.fanOutRemaining, { service: 'tasking' })).toBe(0);
    expect(readSample(tasking, METRICS.httpRequests)).toBeUndefined();

    const publicAnswer = await fetch(`${sys.baseUrl}/metrics`);
    expect(publicAnswer.status).toBe(404);
    // The 404 is counted, under no route at all.
    const gateway = await scrape(sys.metricsUrls.gateway);
    expect(
      readSample(gateway, METRICS.httpRequests, { method: 'GET', route: 'none', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
  });
});
