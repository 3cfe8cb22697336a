import { afterEach, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { HISTOGRAM_SUFFIXES, METRICS, poolCounts, ProcessMetrics, readSample } from './metrics';
import { MetricsServer } from './metrics-server';

describe('ProcessMetrics', () => {
  it('keeps each process apart, with its service on every series', async () => {
    const gateway = new ProcessMetrics('gateway');
    const registry = new ProcessMetrics('registry');
    gateway.observeHttp('POST', '/v1/creators', 201, 0.02);
    gateway.observeHttp('GET', null, 404, 0.001);
    registry.observeNatsRequest('concord.t1.registry.creator.create', 'ok', 0.01);
    registry.observeNatsRequest('concord.t1.registry.creator.create', 'creator.channel_taken', 0.01);

    const g = await gateway.text();
    const r = await registry.text();
    expect(
      readSample(g, METRICS.httpRequests, { service: 'gateway', method: 'POST', route: '/v1/creators', status: '201' }),
    ).toBe(1);
    expect(readSample(g, METRICS.httpRequests, { route: 'none', status: '404' })).toBe(1);
    expect(readSample(g, `${METRICS.httpDuration}_count`, { method: 'POST', route: '/v1/creators' })).toBe(1);
    expect(readSample(g, METRICS.natsRequests)).toBeUndefined();
    // The subject as written in code: the environment's namespace is taken off.
    expect(
      readSample(r, METRICS.natsRequests, {
        service: 'registry',
        subject: 'concord.registry.creator.create',
        outcome: 'creator.channel_taken',
      }),
    ).toBe(1);
    expect(readSample(r, METRICS.httpRequests)).toBeUndefined();
    // Node's process metrics, in each.
    expect(readSample(r, 'process_cpu_user_seconds_total', { service: 'registry' })).toBeGreaterThanOrEqual(0);
  });

  it('reports a gauge read on scrape as NaN when its source fails, and the others still', async () => {
    const metrics = new ProcessMetrics('tasking');
    metrics.watchFanOuts(() => Promise.reject(new Error('database gone')));
    metrics.watchConsumer({ name: 'concord_t1_tasking_x', pending: () => Promise.resolve(7) });
    metrics.watchConsumer({ name: 'concord_t1_tasking_y', pending: () => Promise.reject(new Error('timeout')) });
    const text = await metrics.text();
    expect(readSample(text, METRICS.fanOutRemaining)).toBeNaN();
    expect(readSample(text, METRICS.consumerPending, { durable: 'concord_t1_tasking_x' })).toBe(7);
    expect(readSample(text, METRICS.consumerPending, { durable: 'concord_t1_tasking_y' })).toBeNaN();
  });

  it("reads the pool's counts from TypeORM's postgres driver, and none from one without a pool", () => {
    const ds = (master: unknown) => ({ driver: { master } }) as unknown as DataSource;
    expect(poolCounts(ds({ totalCount: 5, idleCount: 3, waitingCount: 1 }))).toEqual({
      totalCount: 5,
      idleCount: 3,
      waitingCount: 1,
    });
    expect(poolCounts(ds(undefined))).toBeNull();
  });

  it('names every metric concord_…, and a histogram only by seconds', () => {
    for (const name of Object.values(METRICS)) expect(name).toMatch(/^concord_[a-z_]+$/);
    expect(HISTOGRAM_SUFFIXES).toEqual(['_bucket', '_sum', '_count']);
  });
});

describe('readSample', () => {
  it('finds a series by name and some of its labels, escapes included', () => {
    const text = [
      '# HELP x_total what',
      '# TYPE x_total counter',
      'x_total{a="1",b="q\\"uote"} 3',
      'x_total{a="2",b="z"} 4',
      'y 5',
    ].join('\n');
    expect(readSample(text, 'x_total', { b: 'q"uote' })).toBe(3);
    expect(readSample(text, 'x_total', { a: '2' })).toBe(4);
    expect(readSample(text, 'y')).toBe(5);
    expect(readSample(text, 'x_total', { a: '3' })).toBeUndefined();
  });
});

describe('MetricsServer', () => {
  let server: MetricsServer | undefined;
  afterEach(async () => server?.stop());

  it('serves GET /metrics on a port of its own and nothing else, and stops', async () => {
    const metrics = new ProcessMetrics('approvals');
    metrics.countOutboxPublished(2);
    server = new MetricsServer(metrics, 0, '127.0.0.1');
    await server.start();
    const url = server.url!;
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    expect(readSample(await answer.text(), METRICS.outboxPublished, { service: 'approvals' })).toBe(2);
    expect((await fetch(url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(404);
    await server.stop();
    expect(server.url).toBeNull();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('serves nothing when off', async () => {
    server = new MetricsServer(new ProcessMetrics('registry'), 'off');
    await server.start();
    expect(server.url).toBeNull();
  });
});
