/**
 * Concord on a cluster, on this machine, with the real engines: a
 * three-node NATS cluster (the event stream at three replicas), PostgreSQL as
 * a primary with a synchronous replica, two instances of every service and
 * two gateways. Under a steady load of writes (with Idempotency-Keys) and
 * reads it kills the stream's leader, one instance of each service, one
 * gateway and the PostgreSQL primary, and brings each back. Then it counts:
 * every acknowledged write stored once, every event on the stream once and
 * applied once by each consumer, no outbox row left unpublished, the audit
 * trail valid, and the longest time a client saw errors.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { ensureDatabase, generateRolePasswords, prepareServiceDatabases } from '@concord/database';
import { eventStreamName } from '@concord/domain';
import { startNatsCluster, type NatsCluster } from './support/nats-cluster';
import { startPostgresPair, type PostgresPair } from './support/postgres-pair';
import { SERVICES, startConcord, waitFor200, type AppName, type ConcordProcesses } from './support/concord-processes';
import { SteadyLoad } from './support/load';
import { repoRoot } from './support/paths';

const ENV = 'cluster';
const STREAM = eventStreamName(ENV);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stdout.write(`  [cluster] ${line}\n`);

let dir: string;
let nats: NatsCluster;
let postgres: PostgresPair;
let concord: ConcordProcesses;
let load: SteadyLoad | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'concord-cluster-'));
  // As root, embedded PostgreSQL runs as the postgres user, which must reach its folders.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'logs'));
  const [natsStarted, postgresStarted] = await Promise.allSettled([
    startNatsCluster(join(dir, 'nats')),
    startPostgresPair(join(dir, 'pg')),
  ]);
  if (natsStarted.status === 'fulfilled') nats = natsStarted.value;
  if (postgresStarted.status === 'fulfilled') postgres = postgresStarted.value;
  for (const started of [natsStarted, postgresStarted]) if (started.status === 'rejected') throw started.reason;
  say(`NATS cluster ${nats.url}; PostgreSQL primary ${postgres.primary().name}, synchronous replica streaming`);

  const admin = await ensureDatabase(postgres.adminUrl(), 'concord');
  const urls = await prepareServiceDatabases({
    adminUrl: admin,
    root: repoRoot,
    passwords: generateRolePasswords(),
    setPasswords: true,
  });
  concord = await startConcord({
    env: ENV,
    natsUrl: nats.url,
    natsSeeds: nats.seeds,
    databaseUrls: Object.fromEntries(
      Object.entries(urls).map(([app, url]) => [app, postgres.bothHosts(url)]),
    ) as Record<AppName, string>,
    logDir: join(dir, 'logs'),
  });
  for (const gateway of concord.gateways()) await waitFor200(`${gateway.url}/health/system`);
  await nats.streamHealthy(STREAM);
  say(`2 × ${[...SERVICES, 'gateway'].join(', ')} ready; logs in ${join(dir, 'logs')}`);
}, 300_000);

afterAll(async () => {
  await load?.abandon();
  await concord?.stop();
  await nats?.stop();
  await postgres?.stop();
  // The processes' logs stay for whoever reads a failure; the servers' files go.
  rmSync(join(dir, 'nats'), { recursive: true, force: true });
}, 120_000);

async function token(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/v1/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function adminQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: postgres.adminUrl('concord') });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await pause(500);
  }
}

test('killed and restarted under load, nothing acknowledged is lost or doubled', async () => {
  const gateways = concord.gateways().map((g) => g.url!);
  load = new SteadyLoad(gateways, {
    registrar: await token(gateways[0]!, 'registrar@mcst'),
    manager: await token(gateways[0]!, 'manager@mcst'),
  });
  load.start();
  await pause(3000);

  // 1. The event stream's leader.
  const leader = await nats.streamLeader(STREAM);
  say(`killing NATS ${leader} (the stream's leader)`);
  nats.kill(leader);
  await pause(4000);
  await nats.start(leader);
  await nats.streamHealthy(STREAM);
  say(`NATS ${leader} back; the stream is led by ${await nats.streamLeader(STREAM)}, every replica current`);

  // 2. One instance of every service, then one gateway.
  for (const app of SERVICES) {
    const [victim] = concord.of(app);
    say(`killing ${victim!.name}`);
    concord.kill(victim!);
  }
  await pause(3000);
  for (const app of SERVICES) concord.start(concord.of(app)[0]!);
  const [gateway] = concord.gateways();
  say(`killing ${gateway!.name}`);
  concord.kill(gateway!);
  await pause(3000);
  concord.start(gateway!);
  await waitFor200(`${gateway!.url}/health/system`);
  say('every instance back');

  // 3. The PostgreSQL primary: the operator (this harness) promotes the replica and brings the old primary back as its replica.
  const old = postgres.primary();
  say(`killing PostgreSQL primary ${old.name}`);
  postgres.killPrimary();
  await pause(1000);
  await postgres.promoteReplica();
  say(`promoted ${postgres.primary().name}`);
  await pause(3000);
  await postgres.rejoin();
  await postgres.replicating();
  say(`${old.name} back as the synchronous replica of ${postgres.primary().name}`);
  await pause(3000);

  const report = await load.stop();
  const ids = [...report.acknowledged.values()];
  const drafts = [...report.agreements.values()];
  say(
    `load: ${ids.length} registrations and ${drafts.length} agreement drafts acknowledged (${report.writeAttempts} attempts), ${report.reads} reads, ` +
      `${report.transientErrors} retried errors, longest error window ${report.longestErrorWindowMs} ms`,
  );
  if (concord.restarts.length > 0)
    say(`instances that exited on their own and were restarted: ${concord.restarts.join(', ')}`);
  expect(report.refused).toEqual([]);
  expect(ids.length).toBeGreaterThan(50);

  // Every acknowledged write stored once, and nothing stored that was not acknowledged.
  const stored = await adminQuery<{ id: string; n: number }>(
    'SELECT id::text, count(*)::int AS n FROM registry.creators GROUP BY id',
  );
  expect(new Set(ids).size).toBe(ids.length);
  expect(stored.length).toBe(ids.length);
  expect(new Set(stored.map((r) => r.id))).toEqual(new Set(ids));
  // Every acknowledged draft stored once, each with a number of its own (drafts publish no event; their audit entries are verified below).
  const storedDrafts = await adminQuery<{ id: string; number: string }>(
    'SELECT id::text, number FROM agreements.agreements',
  );
  expect(drafts.length).toBeGreaterThan(5);
  expect(new Set(storedDrafts.map((r) => r.id))).toEqual(new Set(drafts.map((d) => d.id)));
  expect(new Set(storedDrafts.map((r) => r.number)).size).toBe(storedDrafts.length);

  // No outbox row left unpublished, in any service.
  await eventually('every outbox row published', async () => {
    const waiting = await Promise.all(
      SERVICES.map((s) =>
        adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.outbox WHERE published_at IS NULL`),
      ),
    );
    return waiting.every(([row]) => row!.n === 0);
  });
  const outbox = (
    await Promise.all(
      SERVICES.map((s) => adminQuery<{ id: string; subject: string }>(`SELECT id::text, subject FROM ${s}.outbox`)),
    )
  ).flat();

  // Every event on the stream once (its outbox row's id is its Nats-Msg-Id), and every consumer caught up.
  const nc = await nats.harness();
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(STREAM);
    const onStream = new Map<string, number>();
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(STREAM, { seq }).catch(() => null);
      const id = message?.header?.get('Nats-Msg-Id');
      if (id) onStream.set(id, (onStream.get(id) ?? 0) + 1);
    }
    const doubled = [...onStream].filter(([, n]) => n > 1);
    expect(doubled).toEqual([]);
    const missing = outbox.filter((row) => !onStream.has(row.id));
    expect(missing).toEqual([]);
    const registered = outbox.filter((row) => row.subject.endsWith('creator.registered')).length;
    expect(registered).toBe(ids.length);
    say(`stream: ${onStream.size} events, each once; outbox rows ${outbox.length}, each on the stream`);

    await eventually('every durable consumer caught up', async () => {
      const consumers = await jsm.consumers.list(STREAM).next();
      return consumers.every((c) => c.num_pending === 0 && c.num_ack_pending === 0);
    });
    // Agreements keeps a counterparty per registered creator, applied once through its inbox.
    const [applied] = await adminQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM agreements.inbox WHERE consumer LIKE '%counterparties%'",
    );
    const [counterparties] = await adminQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM agreements.counterparties',
    );
    expect(counterparties!.n).toBe(ids.length);
    expect(applied!.n).toBeGreaterThanOrEqual(ids.length);
    say(
      `consumers caught up; agreements applied ${applied!.n} creator events once each (${counterparties!.n} counterparties)`,
    );
  } finally {
    await nc.close();
  }

  // The audit trail of every service verifies.
  const auditor = await token(gateways[1]!, 'auditor@mcst');
  const verdict = (await (
    await fetch(`${gateways[1]}/v1/audit/verify`, { headers: { authorization: `Bearer ${auditor}` } })
  ).json()) as { valid: boolean };
  expect(verdict).toMatchObject({ valid: true });
  say('audit verify: valid');
});
