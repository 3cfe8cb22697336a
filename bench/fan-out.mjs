// The tasking service's fan-out of one brief to 20,000 creators: time until
// every assignment is stored and every `assignment.offered` event delivered,
// and peak memory, against a single bulk INSERT of the same rows in the same
// run. Called by bench/run.mjs, which runs the registry and tasking on the
// bench database (the registry answers tasking's pages of creators).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sleep, untilAnswered } from './wait.mjs';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { DeliverPolicy, jetstream } = require('@nats-io/jetstream');
const {
  EVENTS,
  SUBJECTS,
  eventStreamName,
  namespaceSubject,
  newId,
  foldText,
  creatorSearchText,
  creatorSearchWords,
  normalizeHandle,
} = require('../packages/domain/dist/index.js');
const { connectNats, natsOptions } = require('../packages/messaging/dist/index.js');
// Asks as the gateway would, with the bench's actor keys (the services run with testActorConfig, ADR 0014).
const { testServiceClient } = require('../packages/testing/dist/index.js');

const T = SUBJECTS.tasking;
const MANAGER = { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] };
const PLATFORM = 'tiktok';
export const FAN_OUT_TARGET_S = 10;

const day = (n) => new Date(Date.now() + n * 24 * 3600_000);
const isoDate = (d) => d.toISOString().slice(0, 10);

/** VmHWM / VmRSS of a process, in MiB (Linux). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
}
/** Resets a process's peak RSS to its current RSS (Linux ≥ 4.0); false where not allowed. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * `count` active creators with a channel on the platform: those the seed
 * made, topped up with creators added for this bench (as the seed adds
 * them, straight into the registry schema) when the seed has too few.
 */
async function pickCreators(pool, count) {
  const seeded = (
    await pool.query(
      `SELECT c.id FROM registry.creators c
      WHERE c.status = 'active' AND EXISTS (SELECT 1 FROM registry.channels ch WHERE ch.creator_id = c.id AND ch.platform = $1)
      ORDER BY c.id LIMIT $2`,
      [PLATFORM, count],
    )
  ).rows.map((r) => r.id);
  const missing = count - seeded.length;
  for (let i = 0; i < missing; i += 2000) {
    const creators = [];
    const channels = [];
    for (let j = i; j < Math.min(missing, i + 2000); j++) {
      const id = newId();
      const name = `Fan-out Bench ${String(j).padStart(6, '0')}`;
      const handle = `fanout_bench_${String(j).padStart(6, '0')}`;
      creators.push({
        id,
        display_name: name,
        display_name_folded: foldText(name),
        search_text: creatorSearchText(name, [handle]),
        search_words: creatorSearchWords(name, [handle]),
      });
      channels.push({
        id: newId(),
        creator_id: id,
        handle,
        handle_normalized: normalizeHandle(handle),
        url: `https://www.tiktok.com/@${handle}`,
      });
    }
    await pool.query(
      `INSERT INTO registry.creators (id, kind, display_name, display_name_folded, search_text, search_words, status, version, topics, languages, regions,
         vetting, training, incidents, status_history, total_followers)
       SELECT id, 'individual', display_name, display_name_folded, search_text, search_words, 'active', 1, ARRAY['tourism'], ARRAY['vi'], ARRAY['VN-HN'],
              '[]', '[]', '[]', '[]', 50000
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, display_name text, display_name_folded text, search_text text, search_words text[])`,
      [JSON.stringify(creators)],
    );
    await pool.query(
      `INSERT INTO registry.channels (id, creator_id, platform, handle, handle_normalized, url, followers, verified)
       SELECT id, creator_id, $2, handle, handle_normalized, url, 50000, true
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, creator_id uuid, handle text, handle_normalized text, url text)`,
      [JSON.stringify(channels), PLATFORM],
    );
    seeded.push(...creators.map((c) => c.id));
  }
  if (missing > 0) {
    await pool.query('VACUUM ANALYZE registry.creators');
    await pool.query('VACUUM ANALYZE registry.channels');
  }
  return { creatorIds: seeded, added: Math.max(0, missing) };
}

/**
 * Fans one brief out to `count` creators through the tasking service running
 * on `env` (the bench's database, NATS and namespace) and returns the
 * numbers; the pids are the tasking and registry processes, for their peak
 * memory. Throws when anything is missing or takes longer than `timeoutS`.
 */
export async function benchFanOut({ env, taskingPid, registryPid, log, count = 20_000, timeoutS = 120 }) {
  const envName = env.CONCORD_ENV;
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });
  const client = testServiceClient(
    natsOptions('gateway', { NATS_URL: env.NATS_URL, NATS_NKEY_SEED: env.GATEWAY_NATS_NKEY_SEED }),
    envName,
    10_000,
  );
  const nc = await connectNats(
    natsOptions(
      'harness',
      { NATS_URL: env.NATS_URL, NATS_NKEY_SEED: env.HARNESS_NATS_NKEY_SEED },
      `concord-${envName}-bench-fan-out`,
    ),
  );
  let messages = null;
  let received = null;
  try {
    await untilAnswered(client, T.health, MANAGER, 60_000);

    log(`fan-out: picking ${count.toLocaleString('en')} active creators on ${PLATFORM}, one covering agreement each`);
    const { creatorIds, added } = await pickCreators(pool, count);
    const termStart = isoDate(day(-30));
    const termEnd = isoDate(day(365));
    // tasking's read model of agreements, as the agreements service's events would fill it: no quota.
    await pool.query(
      `INSERT INTO tasking.agreement_coverage (agreement_id, agency_id, counterparty_id, status, term_start, term_end, deliverables, updated_at)
       SELECT gen_random_uuid(), 'mcst-ttcs', id, 'active', $2, $3, '[]', now() FROM unnest($1::uuid[]) AS id`,
      [creatorIds, termStart, termEnd],
    );
    await pool.query('VACUUM ANALYZE tasking.agreement_coverage');

    const campaign = await client.request(
      T.campaignCreate,
      {
        input: {
          title: 'Fan-out benchmark',
          objective: 'Offer one brief to every creator with an agreement',
          keyMessages: ['Viet Nam welcomes you'],
          platforms: [PLATFORM],
          period: { start: isoDate(day(-1)), end: isoDate(day(60)) },
          budget: 0,
        },
      },
      MANAGER,
    );
    await client.request(T.campaignActivate, { id: campaign.id }, MANAGER);
    const brief = await client.request(
      T.briefCreate,
      {
        id: campaign.id,
        input: {
          kind: 'short_video',
          title: 'Fan-out benchmark brief',
          keyMessages: ['Viet Nam welcomes you'],
          platforms: [PLATFORM],
          languages: ['vi'],
          dueAt: day(10).toISOString(),
          quantity: 1,
          feePerDeliverable: 1_000_000,
        },
      },
      MANAGER,
    );

    // Every assignment.offered event of this brief, from an ordered consumer started before the fan-out.
    const consumer = await jetstream(nc).consumers.get(eventStreamName(envName), {
      filter_subjects: namespaceSubject(envName, EVENTS.tasking.assignmentOffered),
      deliver_policy: DeliverPolicy.All,
    });
    messages = await consumer.consume();
    const delivered = new Set();
    let t0 = 0;
    let deliveredAt = null;
    received = (async () => {
      for await (const m of messages) {
        const data = m.json().data;
        if (data.briefId !== brief.id) continue;
        delivered.add(data.assignmentId);
        if (delivered.size === count && deliveredAt === null) deliveredAt = performance.now() - t0;
      }
    })();

    // Peaks from here on: both processes ran (tasking idle) through the load runs before.
    const idle = memoryOf(taskingPid);
    const peaksReset = resetPeak(taskingPid) && resetPeak(registryPid);
    log(`fan-out: one brief to ${count.toLocaleString('en')} creators (timeout ${timeoutS} s)`);
    t0 = performance.now();
    const deadline = t0 + timeoutS * 1000;
    let view = await client.request(T.fanOutStart, { id: brief.id, input: { creatorIds } }, MANAGER, {
      timeoutMs: timeoutS * 1000,
    });
    const answeredAt = performance.now() - t0;
    while (view.status !== 'completed') {
      if (performance.now() > deadline) {
        throw new Error(
          `fan-out not completed after ${timeoutS} s: ${view.processed}/${view.total} processed, ${view.offered} offered`,
        );
      }
      await sleep(50);
      view = await client.request(T.fanOutGet, { id: view.id, query: { limit: 1 } }, MANAGER);
    }
    const storedAt = performance.now() - t0;
    while (deliveredAt === null) {
      if (performance.now() > deadline)
        throw new Error(`only ${delivered.size} of ${count} assignment.offered events delivered after ${timeoutS} s`);
      await sleep(10);
    }
    const tasking = memoryOf(taskingPid);
    const registry = memoryOf(registryPid);

    const [{ n: stored }] = (
      await pool.query('SELECT count(*)::int AS n FROM tasking.assignments WHERE brief_id = $1', [brief.id])
    ).rows;
    if (stored !== count || view.offered !== count) {
      throw new Error(
        `fan-out stored ${stored} assignments, offered ${view.offered} of ${count}; skipped: ${JSON.stringify(view.skippedByReason)}`,
      );
    }
    const [server] = (
      await pool.query(
        `SELECT extract(epoch FROM f.completed_at - f.created_at) * 1000 AS "completedMs", f.batches,
              (SELECT extract(epoch FROM max(o.published_at) - f.created_at) * 1000 FROM tasking.outbox o
                WHERE o.subject = $2 AND o.envelope->'data'->>'fanOutId' = f.id::text) AS "publishedMs"
         FROM tasking.fan_outs f WHERE f.id = $1`,
        [view.id, EVENTS.tasking.assignmentOffered],
      )
    ).rows;

    // Baseline: the same rows, same columns, one INSERT into a copy of the table (its indexes and foreign keys too).
    log(`fan-out baseline: one bulk INSERT of the same ${count.toLocaleString('en')} rows`);
    const columns = `id, brief_id, campaign_id, fan_out_id, creator_id, creator_name, management_company_id, agreement_id, quantity, status,
                     window_start, window_end, due_at, overrides, status_history, version`;
    const { rows } = await pool.query(`SELECT ${columns} FROM tasking.assignments WHERE brief_id = $1`, [brief.id]);
    await pool.query(`CREATE TABLE public.bench_assignments (LIKE tasking.assignments INCLUDING ALL,
      FOREIGN KEY (brief_id) REFERENCES tasking.briefs (id), FOREIGN KEY (campaign_id) REFERENCES tasking.campaigns (id),
      FOREIGN KEY (fan_out_id) REFERENCES tasking.fan_outs (id))`);
    const b0 = performance.now();
    await pool.query(
      `INSERT INTO public.bench_assignments (${columns})
       SELECT ${columns}
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, brief_id uuid, campaign_id uuid, fan_out_id uuid, creator_id uuid, creator_name text,
              management_company_id uuid, agreement_id uuid, quantity int, status text, window_start timestamptz, window_end timestamptz,
              due_at timestamptz, overrides jsonb, status_history jsonb, version int)`,
      [JSON.stringify(rows)],
    );
    const baselineMs = performance.now() - b0;
    const [{ n: copied }] = (await pool.query('SELECT count(*)::int AS n FROM public.bench_assignments')).rows;
    await pool.query('DROP TABLE public.bench_assignments');
    if (copied !== count) throw new Error(`baseline inserted ${copied} rows, not ${count}`);

    return {
      count,
      platform: PLATFORM,
      added,
      batches: server.batches,
      answeredMs: answeredAt,
      storedMs: storedAt,
      deliveredMs: deliveredAt,
      baselineMs,
      serverCompletedMs: Number(server.completedMs),
      serverPublishedMs: Number(server.publishedMs),
      tasking: { ...tasking, idleRssMiB: idle.rssMiB },
      registry,
      peaksReset,
    };
  } finally {
    messages?.stop();
    await received?.catch(() => undefined);
    await client.close();
    await nc.drain().catch(() => undefined);
    await pool.end();
  }
}

/** The docs/benchmarks.md section for one result. */
export function fanOutSection(r, { machine, when }) {
  const s = (ms) => (ms / 1000).toFixed(2);
  const n = r.count.toLocaleString('en');
  const mib = (x) => (Number.isFinite(x) ? `${Math.round(x)} MiB` : '–');
  const met = r.deliveredMs < FAN_OUT_TARGET_S * 1000;
  return `## Fan-out of one brief to ${n} creators (\`npm run bench\`)

Run ${when} UTC on ${machine}. Same run and machine as above: PostgreSQL, nats-server, registry, tasking and the bench
(which holds the JetStream consumer) share the cores. One brief (${r.platform}, quantity 1) of an active campaign is fanned out with
\`concord.tasking.fan_out.start\` to ${n} active creators named by id${r.added ? ` (${r.added.toLocaleString('en')} of them added for this bench, the seed had too few)` : ''},
each covered by an agreement of its own (no quota) in tasking's read model; the registry answers tasking page by page,
${r.batches} batches. Times from sending the request; the baseline is one bulk INSERT (\`pg\`, jsonb_to_recordset, as the fan-out
writes) of the same ${n} rows, same columns, into a copy of \`tasking.assignments\` with its indexes and foreign keys.

| measurement | seconds |
|---|---|
| fan-out: every assignment stored (fan-out completed, seen by polling \`fan_out.get\`) | ${s(r.storedMs)} |
| fan-out: every \`assignment.offered\` event delivered (${n} distinct, JetStream consumer) | ${s(r.deliveredMs)} |
| baseline: one bulk INSERT of the same ${n} rows | ${s(r.baselineMs)} |

- Stored and delivered in **${s(r.deliveredMs)} s** (target < ${FAN_OUT_TARGET_S} s): **${met ? 'met' : 'not met'}**. Fan-out over baseline: **${(r.deliveredMs / r.baselineMs).toFixed(1)}×** (stored ${(r.storedMs / r.baselineMs).toFixed(1)}×).
- Peak RSS (VmHWM) ${r.peaksReset ? 'during the fan-out (reset just before it)' : 'since each process started (the load runs above included)'}: tasking ${mib(r.tasking.peakMiB)} (${mib(r.tasking.idleRssMiB)} before the fan-out), registry ${mib(r.registry.peakMiB)}.
- Inside tasking (its timestamps): created → completed ${s(r.serverCompletedMs)} s; last event published by the outbox relay at ${s(r.serverPublishedMs)} s. \`fan_out.start\` answered after ${s(r.answeredMs)} s.
`;
}
