import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { ConcordClient } from '@concord/client';
import { eventually, freePort, testActorConfig } from '@concord/testing';
import { waitForPort } from '@concord/local-servers';
import { repoRoot } from '../support/paths';
import { registration, startTestSystem, uniqueHandle, type TestSystem } from '../support/system';

const SECRET = randomBytes(32).toString('hex');

/**
 * Idempotency-Keys under faults: scoped per user in the gateway and in the
 * services; a 503 whose outcome is unknown says so and a retry with the same
 * key applies the command once; a key held by a gateway that crashed is free
 * again within seconds, and a 409 meanwhile says when to retry.
 */
describe('Idempotency-Keys per user, and after timeouts and crashes', () => {
  let sys: TestSystem;
  let registrar: ConcordClient;
  let admin: ConcordClient;
  let db: pg.Client;
  const keyed = (key: string) => ({ params: { header: { 'Idempotency-Key': key } } });
  const creatorsWithHandle = async (handle: string) =>
    (
      await db.query('SELECT count(*)::int AS n FROM registry.channels WHERE handle_normalized = $1', [
        handle.toLowerCase(),
      ])
    ).rows[0].n as number;

  beforeAll(async () => {
    sys = await startTestSystem({ RPC_TIMEOUT_MS: '2000', CONCORD_DEV_AUTH_SECRET: SECRET });
    [registrar, admin] = await Promise.all([sys.as('registrar@mcst'), sys.as('admin@mcst')]);
    db = new pg.Client({ connectionString: sys.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await sys.stop();
  });

  it("scopes a key to its user in the services too: another user's same key is their own command, never the first user's result", async () => {
    const key = `shared-${uniqueHandle('k')}`;
    const first = await registrar.POST('/v1/creators', { body: registration('Đoàn Minh Khang'), ...keyed(key) });
    expect(first.response.status).toBe(201);
    // Another user, the same key, another body: a command of their own (it was refused as a reused key).
    const other = await admin.POST('/v1/creators', { body: registration('Lương Thảo Nhi'), ...keyed(key) });
    expect(other.response.status).toBe(201);
    expect(other.data!.id).not.toBe(first.data!.id);

    // Another user, the same key and the same body: runs as theirs (the channel is taken), never answered with the first user's creator.
    const body = registration('Vương Gia Bảo');
    const key2 = `shared-${uniqueHandle('k')}`;
    const mine = await registrar.POST('/v1/creators', { body, ...keyed(key2) });
    expect(mine.response.status).toBe(201);
    const theirs = await admin.POST('/v1/creators', { body, ...keyed(key2) });
    expect(theirs.response.status).toBe(409);
    expect(theirs.error).toMatchObject({ code: 'creator.channel_taken' });
    // The first user's retry still replays their own result.
    const again = await registrar.POST('/v1/creators', { body, ...keyed(key2) });
    expect(again.data!.id).toBe(mine.data!.id);
  });

  it('runs a key sent many times at once exactly once, beside other keys sent at the same moment', async () => {
    // Claims that arrive together go to PostgreSQL as one statement (InFlightBatcher): the same key twice in a batch
    // must still be held by one request only, and every other key of the batch by its own.
    const key = `burst-${uniqueHandle('k')}`;
    const handle = uniqueHandle('burst');
    const body = registration('Tạ Quang Vinh', handle);
    const others = Array.from({ length: 12 }, (_, i) => registration(`Hồ Thị Lan ${i}`));
    const [same, distinct] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, () => registrar.POST('/v1/creators', { body, ...keyed(key) }))),
      Promise.all(others.map((b, i) => registrar.POST('/v1/creators', { body: b, ...keyed(`${key}-${i}`) }))),
    ]);
    const created = same.filter((r) => r.response.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.data!.id)).size).toBe(1);
    for (const r of same.filter((r) => r.response.status !== 201)) {
      expect(r.response.status).toBe(409);
      expect(r.error).toMatchObject({ code: 'idempotency.in_progress' });
    }
    expect(await creatorsWithHandle(handle)).toBe(1);
    expect(distinct.map((r) => r.response.status)).toEqual(others.map(() => 201));
    expect(new Set(distinct.map((r) => r.data!.id)).size).toBe(others.length);
  });

  it('answers a service that did not answer in time with 503 service.outcome_unknown and Retry-After; the retry with the same key applies it once', async () => {
    const body = registration('Tôn Nữ Thu Hà');
    const key = `unknown-${uniqueHandle('k')}`;
    const lock = new pg.Client({ connectionString: sys.databaseUrl });
    await lock.connect();
    try {
      // The registry's write waits on this lock for longer than the gateway waits for its answer.
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE registry.creators IN ACCESS EXCLUSIVE MODE');
      const timedOut = await registrar.POST('/v1/creators', { body, ...keyed(key) });
      expect(timedOut.response.status).toBe(503);
      expect(timedOut.response.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(timedOut.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(timedOut.error).toMatchObject({ code: 'service.outcome_unknown', service: 'registry' });
      expect(timedOut.error!.detail).toMatch(/retry with the same Idempotency-Key/i);
    } finally {
      // The registry goes on with the write it was given: it was applied after all.
      await lock.query('COMMIT');
      await lock.end();
    }
    await eventually(
      async () => (await creatorsWithHandle(body.channels![0].handle)) === 1,
      'the first attempt to commit',
    );
    const retry = await registrar.POST('/v1/creators', { body, ...keyed(key) });
    expect(retry.response.status).toBe(201);
    expect(await creatorsWithHandle(body.channels![0].handle)).toBe(1);
  });

  it('frees a key whose request died with its gateway within seconds, answering 409 with Retry-After meanwhile', async () => {
    const port = await freePort();
    const crashed: ChildProcess = spawn(process.execPath, [join(repoRoot, 'apps/gateway/dist/main.js')], {
      env: {
        ...process.env,
        CONCORD_ENV: sys.config.CONCORD_ENV,
        NATS_URL: sys.config.NATS_URL,
        NATS_NKEY_SEED: sys.config.NATS_NKEY_SEED,
        DATABASE_URL: sys.config.DATABASE_URL,
        PORT: String(port),
        HOST: '127.0.0.1',
        CONCORD_DEV_AUTH: '1',
        CONCORD_DEV_AUTH_SECRET: SECRET,
        RPC_TIMEOUT_MS: '60000',
        LOG_LEVEL: 'error',
        CONCORD_ACTOR_KEY: testActorConfig('gateway').CONCORD_ACTOR_KEY,
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const body = registration('Cao Bá Quát Kể Chuyện');
    const key = `crash-${uniqueHandle('k')}`;
    const lock = new pg.Client({ connectionString: sys.databaseUrl });
    await lock.connect();
    try {
      await waitForPort(port, '127.0.0.1', 30_000);
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE registry.creators IN ACCESS EXCLUSIVE MODE');
      const token = (await (
        await fetch(`http://127.0.0.1:${port}/v1/auth/dev-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'registrar@mcst' }),
        })
      ).json()) as { token: string };
      // The request reaches the registry through the first gateway, which dies (SIGKILL) before it answers.
      void fetch(`http://127.0.0.1:${port}/v1/creators`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      }).catch(() => undefined);
      await eventually(
        async () =>
          (
            await db.query(
              `SELECT 1 FROM gateway.idempotency_keys WHERE scope LIKE '%:' || $1 AND state = 'in_progress'`,
              [key],
            )
          ).rowCount,
        'the key to be taken',
      );
      crashed.kill('SIGKILL');
      await new Promise((r) => crashed.once('exit', r));
    } finally {
      await lock.query('COMMIT');
      await lock.end();
    }

    // Through the gateway that is still up: in progress for now, and it says when to try again.
    const busy = await registrar.POST('/v1/creators', { body, ...keyed(key) });
    expect(busy.response.status).toBe(409);
    expect(busy.error).toMatchObject({ code: 'idempotency.in_progress' });
    const retryAfter = Number(busy.response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);

    // Doing as told: after Retry-After the key is free again (not after 30 s), and the creator is registered once.
    await new Promise((r) => setTimeout(r, retryAfter * 1000));
    const retried = await eventually(
      async () => {
        const r = await registrar.POST('/v1/creators', { body, ...keyed(key) });
        return r.response.status === 409 ? null : r;
      },
      'the key to be released',
      3000,
    );
    expect(retried.response.status).toBe(201);
    expect(await creatorsWithHandle(body.channels![0].handle)).toBe(1);
  });
});
