import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConcordClient } from '@concord/client';
import { startEmbeddedPostgres, type RunningPostgres } from '@concord/database';
import type { RunningNats } from '@concord/local-servers';
import { eventually, freePort, startTestNatsServer } from '@concord/testing';
import { registration, startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

/** The PostgreSQL server process and its backends: what SIGSTOP pauses (a stalled disk, a VM frozen, a debugger attached). */
function postgresProcesses(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent's pid (after the command name in parentheses).
        return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/**
 * Nothing stalls for ever: the gateway and the services on a PostgreSQL and
 * a NATS of their own, which this test pauses and stops. Every request here
 * is given far longer than the answers it expects (RPC timeout 30 s, jest
 * 25 s): a request that waited for the database or NATS to come back would
 * fail the test instead of answering.
 */
describe('with PostgreSQL or NATS stalled or stopped', () => {
  let root: string;
  let postgres: RunningPostgres;
  let postmaster: number;
  let nats: RunningNats;
  let natsPort: number;
  let pgPort: number;
  let sys: TestSystem;
  let registrar: ConcordClient;
  let reviewer: ConcordClient;
  let paused: number[] = [];

  const pause = () => {
    paused = postgresProcesses(postmaster);
    for (const pid of paused) process.kill(pid, 'SIGSTOP');
  };
  const resume = () => {
    for (const pid of paused) process.kill(pid, 'SIGCONT');
    paused = [];
  };
  /** `/health/ready` (this gateway's own PostgreSQL and NATS) or `/health/system` (those and every service). */
  const health = async (path: '/health/ready' | '/health/system') => {
    const r = await fetch(`${sys.baseUrl}${path}`);
    return {
      status: r.status,
      retryAfter: r.headers.get('retry-after'),
      body: (await r.json()) as {
        info?: Record<string, { status: string }>;
        error?: Record<string, { status: string }>;
      },
    };
  };

  const ready = () => health('/health/ready');

  const startPostgres = () =>
    startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: pgPort, persistent: true, fast: true });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'concord-stalls-'));
    // As root, embedded PostgreSQL runs as the `postgres` user, which must reach its data folder.
    chmodSync(root, 0o755);
    pgPort = await freePort();
    postgres = await startPostgres();
    natsPort = await freePort();
    nats = await startTestNatsServer({ port: natsPort, storeDir: join(root, 'nats') });
    sys = await startTestSystem({ RPC_TIMEOUT_MS: '30000' }, { databaseUrl: postgres.url, natsUrl: nats.url });
    [registrar, reviewer] = await Promise.all([sys.as('registrar@mcst'), sys.as('reviewer@mcst')]);
    postmaster = postgres.pid;
  }, 60_000);
  afterAll(async () => {
    resume();
    await sys?.stop().catch(() => undefined);
    await nats?.stop();
    await postgres?.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('answers a keyed write 503 with Retry-After and reports PostgreSQL down while it is paused; both recover when it resumes', async () => {
    const body = registration('Hồ Xuân Hương Đọc Thơ');
    const key = `paused-${uniqueHandle('k')}`;
    expect((await ready()).status).toBe(200);
    pause();
    try {
      const [own, system, write] = await Promise.all([
        ready(),
        health('/health/system'),
        registrar.POST('/v1/creators', { body, params: { header: { 'Idempotency-Key': key } } }),
      ]);
      // The gateway's own database is down: this instance cannot serve, and readiness names only that.
      expect(own.status).toBe(503);
      expect(own.retryAfter).not.toBeNull();
      expect(own.body.error).toEqual({ postgres: expect.objectContaining({ status: 'down' }) });
      expect(system.status).toBe(503);
      expect(system.body.error).toMatchObject({ postgres: { status: 'down' } });
      expect(write.response.status).toBe(503);
      expect(write.response.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(write.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(write.error).toMatchObject({ code: 'service.unavailable' });
    } finally {
      resume();
    }
    const retried = await eventually(async () => {
      const r = await registrar.POST('/v1/creators', { body, params: { header: { 'Idempotency-Key': key } } });
      return r.response.status === 201 ? r : null;
    }, 'the write to go through once PostgreSQL resumes');
    expect(retried.data!.displayName).toBe('Hồ Xuân Hương Đọc Thơ');
    expect((await ready()).status).toBe(200);
    expect((await health('/health/system')).status).toBe(200);
  }, 25_000);

  it('fails a request at once with 503 while NATS is down, and answers as soon as NATS is back', async () => {
    const before = await registrar.POST('/v1/creators', { body: registration('Nguyễn Đình Chiểu Kể Chuyện') });
    expect(before.response.status).toBe(201);
    await nats.stop();
    const down = await reviewer.GET('/v1/creators');
    expect(down.response.status).toBe(503);
    expect(down.response.headers.get('retry-after')).not.toBeNull();
    expect(down.error).toMatchObject({ code: 'service.unavailable', service: 'registry' });
    // The gateway's own NATS connection is down: not ready, naming NATS (and answered at once, not held).
    const own = await ready();
    expect(own.status).toBe(503);
    expect(own.retryAfter).not.toBeNull();
    expect(own.body.error).toEqual({ nats: expect.objectContaining({ status: 'down' }) });

    nats = await startTestNatsServer({ port: natsPort, storeDir: join(root, 'nats') });
    // Until the gateway and the registry have reconnected each try is refused at once; none waits for the RPC timeout.
    const back = await eventually(async () => {
      const r = await reviewer.GET('/v1/creators');
      if (r.response.status !== 200) expect(r.response.status).toBe(503);
      return r.response.status === 200 ? r : null;
    }, 'the registry to answer after NATS returned');
    expect(back.data!.items.length).toBeGreaterThan(0);
    await eventually(async () => (await ready()).status === 200, 'the gateway ready once NATS is back');
  }, 25_000);

  it('answers 503 problem+json, never 500, while PostgreSQL is stopped', async () => {
    await postgres.stop();
    const answers = [
      await reviewer.GET('/v1/creators'),
      await reviewer.GET('/v1/campaigns'),
      await registrar.POST('/v1/creators', {
        body: registration('Nguyễn Du Kể Kiều'),
        params: { header: { 'Idempotency-Key': `stopped-${uniqueHandle('k')}` } },
      }),
      await registrar.POST('/v1/creators', { body: registration('Bà Huyện Thanh Quan') }),
    ];
    for (const { response, error } of answers) {
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('retry-after')).not.toBeNull();
      expect(error).toMatchObject({ code: 'service.unavailable' });
    }
    const own = await ready();
    expect(own.status).toBe(503);
    expect(own.body.error).toEqual({ postgres: expect.objectContaining({ status: 'down' }) });
    const system = await health('/health/system');
    expect(system.status).toBe(503);
    expect(system.body.error).toMatchObject({ postgres: { status: 'down' } });

    // Started again on the same data, it is used again without restarting anything else.
    postgres = await startPostgres();
    postmaster = postgres.pid;
    await eventually(async () => (await ready()).status === 200, 'the gateway ready once PostgreSQL is back');
    await eventually(
      async () => (await health('/health/system')).status === 200,
      'every service answering once PostgreSQL is back',
    );
    expect((await reviewer.GET('/v1/creators')).response.status).toBe(200);
  }, 45_000);
});
