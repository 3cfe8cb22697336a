import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { EVENTS, SUBJECTS } from '@concord/domain';
import type { RunningNats } from '@concord/local-servers';
import {
  EventCollector,
  freePort,
  startTestNatsServer,
  testActorConfig,
  testNatsConfig,
  untilServiceAnswers,
} from '@concord/testing';
import {
  activeCampaignWithBrief,
  actors,
  eventually,
  newId,
  startTaskingTestSystem,
  type TaskingTestSystem,
} from '../test/tasking.test-helpers';

const T = SUBJECTS.tasking;
const CREATORS = 2000;

/**
 * A long fan-out survives NATS going away and the tasking process being
 * killed (SIGKILL, as a crash or an OOM kill would) half-way: once both are
 * back — two tasking instances now, as a cluster runs them — it completes,
 * and every creator is decided once, every offer stored once, every offer's
 * event delivered once.
 */
describe('fan-out when NATS and the service die mid-way', () => {
  let sys: TaskingTestSystem;
  let nats: RunningNats;
  let natsPort: number;
  let storeDir: string;
  /** The tasking processes started so far (the last one or two are running). */
  const children: ChildProcess[] = [];
  let lock: pg.Client;

  const startChild = () => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/main.js')], {
      env: {
        ...process.env,
        CONCORD_ENV: sys.env,
        ...testNatsConfig('tasking', sys.natsUrl),
        ...testActorConfig('tasking'),
        DATABASE_URL: sys.taskingDatabaseUrl,
        TASKING_FANOUT_BATCH: '50',
        TASKING_FANOUT_WAIT_MS: '1',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    children.push(child);
    return child;
  };
  const fanOutRow = async () =>
    (await sys.db.query('SELECT status, processed, offered, total FROM fan_outs'))[0] as
      { status: string; processed: number; offered: number; total: number | null } | undefined;
  /** Holds back the runner between two batches (it takes the same lock for each batch). */
  const holdBatches = () => lock.query(`SELECT pg_advisory_lock(hashtextextended('tasking:fan_out_batches', 0))`);
  const releaseBatches = () => lock.query(`SELECT pg_advisory_unlock(hashtextextended('tasking:fan_out_batches', 0))`);

  beforeAll(async () => {
    natsPort = await freePort();
    storeDir = mkdtempSync(join(tmpdir(), 'concord-nats-'));
    nats = await startTestNatsServer({ port: natsPort, storeDir });
    sys = await startTaskingTestSystem({ natsUrl: nats.url, tasking: false });
    lock = new pg.Client({ connectionString: sys.databaseUrl });
    await lock.connect();
    startChild();
    await untilServiceAnswers(sys.client, 'tasking', 30_000);

    // A management company with an active agreement and 1,999 active creators (2,000 with a TikTok channel), loaded straight into the registry's tables.
    const company = newId();
    await lock.query(
      `INSERT INTO registry.creators (id, kind, display_name, display_name_folded, search_text, status, version, topics, languages, regions, vetting, training, incidents, status_history, total_followers, management_company_id)
       SELECT CASE WHEN n = 0 THEN $1::uuid ELSE gen_random_uuid() END, CASE WHEN n = 0 THEN 'management_company' ELSE 'individual' END,
              'Creator ' || n, 'creator ' || n, 'creator ' || n, 'active', 1, '{culture}', '{vi}', '{VN-HN}', '[]', '[]', '[]', '[]', 10000,
              CASE WHEN n = 0 THEN NULL ELSE $1::uuid END
         FROM generate_series(0, $2 - 1) AS n ORDER BY n`,
      [company, CREATORS],
    );
    await lock.query(
      `INSERT INTO registry.channels (id, creator_id, platform, handle, handle_normalized, url, followers, verified)
       SELECT gen_random_uuid(), id, 'tiktok', 'h' || replace(id::text, '-', ''), 'h' || replace(id::text, '-', ''), 'https://www.tiktok.com/@x', 10000, true FROM registry.creators`,
    );
    await lock.query(
      `INSERT INTO tasking.agreement_coverage (agreement_id, agency_id, counterparty_id, status, term_start, term_end, deliverables, updated_at)
       VALUES ($1, 'mcst-ttcs', $2, 'active', '2026-01-01', '2030-12-31', '[]', now())`,
      [newId(), company],
    );
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await lock.end().catch(() => undefined);
    await sys.stop();
    await nats.stop();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('completes after both come back, deciding each creator once and delivering each offer once', async () => {
    const { briefId } = await activeCampaignWithBrief(sys.client, {
      campaign: 'Recovery drill',
      brief: 'Recovery drill post',
    });
    const started = await sys.client.request(
      T.fanOutStart,
      { id: briefId, input: { filter: { platform: 'tiktok' } } },
      actors.manager,
    );
    expect(started.status).toBe('running');

    // NATS dies part-way through.
    await eventually(async () => ((await fanOutRow())?.processed ?? 0) >= 200, 'the first batches');
    await holdBatches();
    await nats.stop();
    await releaseBatches();
    // A batch whose creators were fetched before NATS went may still commit; after that, nothing moves.
    await new Promise((r) => setTimeout(r, 1000));
    const whileDown = (await fanOutRow())!;
    await new Promise((r) => setTimeout(r, 2000));
    expect((await fanOutRow())!.processed).toBe(whileDown.processed);
    expect(whileDown.processed).toBeLessThan(CREATORS);

    // NATS comes back and the fan-out goes on; then the process is killed part-way through.
    nats = await startTestNatsServer({ port: natsPort, storeDir });
    await eventually(
      async () => (await fanOutRow())!.processed > whileDown.processed,
      'progress after NATS came back',
      30_000,
    );
    await holdBatches();
    const beforeKill = (await fanOutRow())!;
    const [first] = children;
    first!.kill('SIGKILL');
    await new Promise((r) => first!.once('exit', r));
    await releaseBatches();
    expect(beforeKill.processed).toBeLessThan(CREATORS);

    // Two new instances take the fan-out up where the last committed batch left it, side by side.
    startChild();
    startChild();
    const done = await eventually(
      async () => {
        const row = await fanOutRow();
        return row?.status === 'completed' ? row : null;
      },
      'the fan-out to complete',
      60_000,
    );
    expect(done).toMatchObject({ processed: CREATORS, offered: CREATORS, total: CREATORS });

    const [counts] = await sys.db.query(
      `SELECT count(*)::int AS assignments, count(DISTINCT creator_id)::int AS creators,
              (SELECT count(*)::int FROM fan_out_results) AS results, (SELECT count(DISTINCT creator_id)::int FROM fan_out_results) AS decided
         FROM assignments`,
    );
    expect(counts).toEqual({ assignments: CREATORS, creators: CREATORS, results: CREATORS, decided: CREATORS });

    const events = await new EventCollector(sys.nc, sys.env).start();
    try {
      const offered = () => events.events.filter((e) => e.type === EVENTS.tasking.assignmentOffered);
      await events.waitFor(() => offered().length >= CREATORS, 60_000);
      await new Promise((r) => setTimeout(r, 500));
      const ids = offered().map((e) => (e.data as { assignmentId: string }).assignmentId);
      expect(ids).toHaveLength(CREATORS);
      expect(new Set(ids).size).toBe(CREATORS);
    } finally {
      await events.stop();
    }
  });
});
