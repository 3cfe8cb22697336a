// Approvals at 1,000 campaigns, 200,000 submissions and 2,000,000 metric
// points: the review queue (`GET /v1/reviews?mine=true&limit=50` as
// reviewer@mcst) and a campaign's reach report (`GET /v1/campaigns/{id}/report`
// as manager@mcst) through the gateway, next to the same SQL run directly with
// pg in the same run. Called by bench/run.mjs after the fan-out bench.
//
// The approvals schema is seeded straight with SQL (generate_series, INSERT …
// SELECT): it is the bench's own throwaway database. The report first asks
// tasking for the campaign as the caller, so the campaigns measured are real
// tasking campaigns created over NATS as manager@mcst; the other campaign ids
// are random uuids. Campaign c gets submissions c, c + campaigns, c + 2 ×
// campaigns, … so every campaign holds the same share.
//
// Sizes (for development, e.g. BENCH_ONLY=approvals BENCH_SECONDS=3
// BENCH_APPROVAL_SUBMISSIONS=20000 BENCH_APPROVAL_METRICS=200000 npm run bench):
//   BENCH_APPROVAL_CAMPAIGNS        campaign ids                            (1,000)
//   BENCH_APPROVAL_SUBMISSIONS      submissions, spread over the campaigns  (200,000)
//   BENCH_APPROVAL_METRICS          metric points, over the publications    (2,000,000)
//   BENCH_APPROVAL_REPORT_CAMPAIGNS real tasking campaigns, the report's    (20)
//   BENCH_APPROVAL_EXPLAIN=0        skip the EXPLAIN (ANALYZE) plans printed on the console
import { createRequire } from 'node:module';
import { untilAnswered } from './wait.mjs';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { SUBJECTS } = require('../packages/domain/dist/index.js');
const { natsOptions } = require('../packages/messaging/dist/index.js');
// Asks as the gateway would, with the bench's actor keys (the services run with testActorConfig, ADR 0014).
const { testServiceClient } = require('../packages/testing/dist/index.js');
const { devToken } = require('../packages/client/dist/index.js');

const CAMPAIGNS = Number(process.env.BENCH_APPROVAL_CAMPAIGNS ?? 1_000);
const SUBMISSIONS = Number(process.env.BENCH_APPROVAL_SUBMISSIONS ?? 200_000);
const METRICS = Number(process.env.BENCH_APPROVAL_METRICS ?? 2_000_000);
const REPORT_CAMPAIGNS = Math.min(CAMPAIGNS, Number(process.env.BENCH_APPROVAL_REPORT_CAMPAIGNS ?? 20));
const EXPLAIN = process.env.BENCH_APPROVAL_EXPLAIN !== '0';
export const REPORT_P95_TARGET_MS = 200;

const MANAGER = { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] };
const REVIEWER = { userId: 'reviewer@mcst', orgId: 'mcst-ttcs', roles: ['reviewer'] };
const QUEUE_LIMIT = 50;
const isoDate = (d) => d.toISOString().slice(0, 10);
const day = (n) => new Date(Date.now() + n * 24 * 3600_000);

// The very SQL the approvals service runs (review-queue.repository.ts, campaign-report.repository.ts), from its build.
const { reviewQueueQuery, REPORT_SQL } = require('../apps/approvals/dist/index.js');
const queueQuery = (actor, mine) => reviewQueueQuery(actor, { mine, limit: QUEUE_LIMIT });

// Seeding. Submission i (0-based) belongs to campaign i % campaigns; h and h2 are two hashes of i that pick its status, stage,
// dates and creator. Statuses: 80 % approved (each with a publication), 12 % in_review, 3 % changes_requested, 3 % rejected,
// 2 % withdrawn. Campaigns c % 4 = 1 are joint with mofa (a third stage, mofa's reviewers); campaigns c % 10 = 9 beyond the
// real ones belong to hcmc-info, the rest to mcst-ttcs. In review: 60 % at the first stage (reviewer), 30 % at legal
// (legal_officer), 10 % at the last stage (mofa's reviewers on joint campaigns, legal otherwise); a quarter overdue by up
// to 3 days and escalated (as the service's deadline job leaves them), the rest due in 6 h to 4 days (none falls due
// during the run, so the deadline job has nothing to do).
const SUBMISSIONS_SQL = `
INSERT INTO approvals.submissions (id, assignment_id, campaign_id, owner_agency_id, partner_agency_ids, creator_id, management_company_id, creator_name,
  platform, kind, planned_at, status, stages, stage_index, stage_agency_id, stage_role, stage_due_at, stage_approvals, escalated_at, check_context,
  current_version, timeline, version, submitted_by, created_at)
SELECT gen_random_uuid(), gen_random_uuid(), ($1::uuid[])[x.c + 1], o.owner, o.partners, md5('bench-creator-' || x.cr)::uuid, NULL, 'Bench Creator ' || x.cr,
       (ARRAY['tiktok', 'youtube', 'facebook', 'instagram', 'zalo'])[x.h3 % 5 + 1], (ARRAY['short_video', 'post', 'livestream', 'article'])[(x.h3 / 5) % 4 + 1],
       t.created_at + interval '3 days', st.status, o.stages, st.stage_index,
       CASE WHEN st.status = 'in_review' THEN o.stages -> st.stage_index ->> 'agencyId' END,
       CASE WHEN st.status = 'in_review' THEN o.stages -> st.stage_index ->> 'role' END,
       d.due, '{}', CASE WHEN d.due < now() THEN d.due + interval '1 minute' END,
       '{"disclosureLabel": "#QuangCao", "requiredHashtags": ["#VietNamTuoiDep"], "keyMessages": ["Viet Nam welcomes you"]}',
       st.current_version,
       jsonb_build_array(jsonb_build_object('at', t.created_at, 'what', 'submitted version 1', 'by', 'creator@bench' || x.cr))
         || CASE WHEN st.status = 'approved' THEN jsonb_build_array(
              jsonb_build_object('at', t.created_at + interval '1 day', 'what', 'approved at legal', 'by', 'legal@mcst'),
              jsonb_build_object('at', t.created_at + interval '2 days', 'what', 'published', 'by', 'manager@mcst')) ELSE '[]' END,
       st.current_version + st.stage_index + 1, 'creator@bench' || x.cr, t.created_at
  FROM generate_series($2::int, $3::int) AS i,
  LATERAL (SELECT i % $4 AS c, (hashint4extended(i, 1) & 2147483647)::int AS h, (hashint4extended(i, 2) & 2147483647)::int AS h2,
                  (hashint4extended(i, 3) & 2147483647)::int AS h3, (hashint4extended(i, 4) & 2147483647)::int % 20000 AS cr) AS x,
  LATERAL (SELECT CASE WHEN x.c >= $5 AND x.c % 10 = 9 THEN 'hcmc-info' ELSE 'mcst-ttcs' END AS owner) AS o0,
  LATERAL (SELECT o0.owner, CASE WHEN x.c % 4 = 1 THEN ARRAY['mofa'] ELSE ARRAY[]::text[] END AS partners,
                  jsonb_build_array(
                    jsonb_build_object('key', 'agency_review', 'agencyId', o0.owner, 'role', 'reviewer', 'quorum', 1, 'deadlineHours', 48),
                    jsonb_build_object('key', 'legal', 'agencyId', o0.owner, 'role', 'legal_officer', 'quorum', 1, 'deadlineHours', 48))
                  || CASE WHEN x.c % 4 = 1 THEN jsonb_build_array(
                    jsonb_build_object('key', 'partner_review:mofa', 'agencyId', 'mofa', 'role', 'reviewer', 'quorum', 1, 'deadlineHours', 72)) ELSE '[]' END AS stages) AS o,
  LATERAL (SELECT CASE WHEN x.h % 100 < 80 THEN 'approved' WHEN x.h % 100 < 92 THEN 'in_review' WHEN x.h % 100 < 95 THEN 'changes_requested'
                       WHEN x.h % 100 < 98 THEN 'rejected' ELSE 'withdrawn' END AS status) AS s0,
  LATERAL (SELECT s0.status,
                  CASE WHEN s0.status = 'approved' THEN jsonb_array_length(o.stages) - 1
                       WHEN s0.status = 'in_review' THEN CASE WHEN (x.h2 / 4) % 10 < 6 THEN 0 WHEN (x.h2 / 4) % 10 < 9 THEN 1 ELSE jsonb_array_length(o.stages) - 1 END
                       ELSE 0 END AS stage_index,
                  1 + (x.h3 / 20) % 3 AS current_version) AS st,
  LATERAL (SELECT CASE WHEN st.status = 'in_review' THEN now() - (x.h3 / 60 % 4320) * interval '1 minute'
                       ELSE now() - interval '30 days' - (x.h3 / 60 % 86400) * interval '1 minute' END AS created_at) AS t,
  LATERAL (SELECT CASE WHEN st.status <> 'in_review' THEN NULL
                       WHEN x.h2 % 4 = 0 THEN now() - interval '1 minute' - (x.h2 / 40 % 4320) * interval '1 minute'
                       ELSE now() + interval '6 hours' + (x.h2 / 40 % 5400) * interval '1 minute' END AS due) AS d`;

// One publication per approved submission, two days after it was submitted (30 to 90 days ago).
const PUBLICATIONS_SQL = `
INSERT INTO approvals.publications (id, submission_id, campaign_id, creator_id, platform, url, published_at, recorded_by, recorded_at)
SELECT gen_random_uuid(), s.id, s.campaign_id, s.creator_id, s.platform,
       'https://www.' || s.platform || '.com/@bench' || left(s.creator_id::text, 8) || '/' || left(s.id::text, 8),
       s.created_at + interval '2 days', 'manager@mcst', s.created_at + interval '2 days 1 hour'
  FROM approvals.submissions s WHERE s.status = 'approved'`;

// Metric points: the k-th read of publication n (0-based, in id order) is point k × publications + n, kept while below the
// total, so each publication gets ⌊total / publications⌋ or one more reads, two days apart (about three weeks at 2,000,000
// over 160,000 publications). Counters are cumulative: they grow towards a ceiling of the publication's own.
const METRICS_SQL = `
INSERT INTO approvals.metrics (publication_id, at, views, likes, comments, shares, reported_by)
SELECT p.id, p.published_at + interval '3 hours' + k * interval '2 days' + (p.n % 600) * interval '1 minute',
       v.views, v.views / (20 + p.n % 11), v.views / (150 + p.n % 51), v.views / (80 + p.n % 41), 'manager@mcst'
  FROM bench_publications p
  CROSS JOIN LATERAL generate_series(0, $3::int - 1) AS k
  CROSS JOIN LATERAL (SELECT floor((2000 + (hashint4(p.n) & 2147483647) % 500000) * (1 - exp(-(k + 1) / 4.0)))::bigint AS views) AS v
 WHERE p.n >= $1 AND p.n < $2 AND k::bigint * $4 + p.n < $5
 ORDER BY p.n, k`;

/** `count` campaigns in tasking, as manager@mcst would create them (with reach targets, so the report has progress). */
async function createCampaigns(client, count) {
  const ids = [];
  for (let i = 0; i < count; i++) {
    const campaign = await client.request(
      SUBJECTS.tasking.campaignCreate,
      {
        input: {
          title: `Approvals benchmark ${String(i + 1).padStart(3, '0')}`,
          objective: 'Reach report over seeded publications',
          keyMessages: ['Viet Nam welcomes you'],
          platforms: ['tiktok', 'youtube', 'facebook', 'instagram', 'zalo'],
          period: { start: isoDate(day(-120)), end: isoDate(day(60)) },
          budget: 0,
          partnerAgencyIds: i % 4 === 1 ? ['mofa'] : [],
          targets: { views: 50_000_000, publications: 200 },
        },
      },
      MANAGER,
    );
    ids.push(campaign.id);
  }
  return ids;
}

/** Seeds the approvals schema (migrated, empty) on `db`, one client; returns what it holds. */
export async function seedApprovals(db, campaignIds, log) {
  const t0 = performance.now();
  const step = 50_000;
  log(
    `approvals: seeding ${SUBMISSIONS.toLocaleString('en')} submissions over ${CAMPAIGNS.toLocaleString('en')} campaigns`,
  );
  for (let lo = 0; lo < SUBMISSIONS; lo += step) {
    await db.query(SUBMISSIONS_SQL, [
      campaignIds,
      lo,
      Math.min(SUBMISSIONS, lo + step) - 1,
      CAMPAIGNS,
      REPORT_CAMPAIGNS,
    ]);
  }
  log(`approvals: publications of the approved submissions`);
  await db.query(PUBLICATIONS_SQL);
  await db.query('VACUUM ANALYZE approvals.submissions');
  await db.query('VACUUM ANALYZE approvals.publications');
  await db.query(`CREATE TEMP TABLE bench_publications AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, published_at FROM approvals.publications`);
  const [{ p }] = (await db.query('SELECT count(*)::int AS p FROM bench_publications')).rows;
  if (p === 0) throw new Error('no publications seeded');
  const perPublication = Math.ceil(METRICS / p);
  log(
    `approvals: ${METRICS.toLocaleString('en')} metric points over ${p.toLocaleString('en')} publications (${Math.floor(METRICS / p)}–${perPublication} each)`,
  );
  const pubStep = Math.max(1, Math.floor(400_000 / perPublication));
  for (let lo = 0; lo < p; lo += pubStep) {
    await db.query(METRICS_SQL, [lo, lo + pubStep, perPublication, p, METRICS]);
  }
  await db.query('DROP TABLE bench_publications');
  await db.query('VACUUM ANALYZE approvals.metrics');
  const seedSeconds = (performance.now() - t0) / 1000;

  const counts = (
    await db.query(
      `SELECT
      (SELECT count(*) FROM approvals.submissions)::int AS submissions,
      (SELECT count(*) FROM approvals.submissions WHERE status = 'in_review')::int AS "inReview",
      (SELECT count(*) FROM approvals.submissions WHERE status = 'in_review' AND escalated_at IS NOT NULL)::int AS escalated,
      (SELECT count(*) FROM approvals.publications)::int AS publications,
      (SELECT count(*) FROM approvals.metrics)::int AS metrics,
      (SELECT count(DISTINCT campaign_id) FROM approvals.submissions)::int AS campaigns,
      (SELECT count(*) FROM approvals.submissions WHERE status = 'in_review' AND stage_agency_id = $1 AND stage_role = ANY($2))::int AS "reviewerQueue"`,
      [REVIEWER.orgId, REVIEWER.roles],
    )
  ).rows[0];
  const reportCampaigns = campaignIds.slice(0, REPORT_CAMPAIGNS);
  const [perReport] = (
    await db.query(
      `SELECT avg(n)::float AS publications, avg(m)::float AS metrics FROM (
       SELECT p.campaign_id, count(DISTINCT p.id) AS n, count(m.*) AS m FROM approvals.publications p LEFT JOIN approvals.metrics m ON m.publication_id = p.id
        WHERE p.campaign_id = ANY($1) GROUP BY p.campaign_id) x`,
      [reportCampaigns],
    )
  ).rows;
  const [{ bytes }] = (
    await db.query(`SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'approvals' AND c.relkind = 'r'`)
  ).rows;
  return { ...counts, seedSeconds, perReport, schemaMiB: Number(bytes) / 2 ** 20 };
}

async function explain(pool, sql, params) {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/**
 * Seeds approvals, then measures the review queue and the campaign report
 * through the gateway at `base` and with pg, using run.mjs's `http` and
 * `direct` (same concurrency and duration as the other rows).
 */
export async function benchApprovals({ env, base, log, http, direct, connections, seconds }) {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: connections,
    options: '-c search_path=approvals,public',
  });
  const client = testServiceClient(
    natsOptions('gateway', { NATS_URL: env.NATS_URL, NATS_NKEY_SEED: env.GATEWAY_NATS_NKEY_SEED }),
    env.CONCORD_ENV,
    10_000,
  );
  try {
    await untilAnswered(client, SUBJECTS.tasking.health, MANAGER, 60_000);
    await untilAnswered(client, SUBJECTS.approvals.health, MANAGER, 60_000);
    log(`approvals: ${REPORT_CAMPAIGNS} campaigns in tasking as manager@mcst`);
    const real = await createCampaigns(client, REPORT_CAMPAIGNS);
    const campaignIds = [...real, ...Array.from({ length: CAMPAIGNS - real.length }, () => randomUUID())];

    const db = await pool.connect();
    let data;
    try {
      data = await seedApprovals(db, campaignIds, log);
    } finally {
      db.release();
    }
    log(
      `approvals: seeded in ${data.seedSeconds.toFixed(1)} s (${Math.round(data.schemaMiB)} MiB): ${JSON.stringify({ ...data, perReport: undefined })}`,
    );

    const reviewer = await devToken(base, REVIEWER.userId);
    const manager = await devToken(base, MANAGER.userId);
    // What the gateway answers, before timing it.
    const get = async (path, token) => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const page = await get(`/v1/reviews?mine=true&limit=${QUEUE_LIMIT}`, reviewer);
    const expected = Math.min(QUEUE_LIMIT, data.reviewerQueue);
    if (page.items.length !== expected || page.items.some((s) => s.currentStage.role !== 'reviewer')) {
      throw new Error(
        `review queue answered ${page.items.length} items (expected ${expected} at the reviewer's stages)`,
      );
    }
    const report = await get(`/v1/campaigns/${real[0]}/report`, manager);
    if (!(report.totals.publications > 0) || !report.byDay.length)
      throw new Error(`empty report: ${JSON.stringify(report.totals)}`);
    const direct0 = (await pool.query(REPORT_SQL, [real[0]])).rows[0].latest;
    if (direct0.length !== report.totals.publications)
      throw new Error(`report counts ${report.totals.publications} publications, SQL ${direct0.length}`);

    const plans = {};
    if (EXPLAIN) {
      {
        const q = queueQuery(REVIEWER, true);
        plans.queue = await explain(pool, q.sql, q.params);
      }
      {
        const q = queueQuery({ userId: 'admin@mcst', orgId: 'mcst-ttcs', roles: ['admin'] }, true);
        plans.queueAdmin = await explain(pool, q.sql, q.params);
      }
      plans.report = await explain(pool, REPORT_SQL, [real[0]]);
      for (const [name, plan] of Object.entries(plans)) console.log(`\n— EXPLAIN ${name}\n${plan}`);
    }

    let next = 0;
    const nextCampaign = () => real[next++ % real.length];
    log(`approvals: warming up`);
    for (let i = 0; i < 2 * real.length; i++) {
      await get(`/v1/campaigns/${nextCampaign()}/report`, manager);
      await get(`/v1/reviews?mine=true&limit=${QUEUE_LIMIT}`, reviewer);
    }

    const results = [];
    log(`approvals: review queue, gateway then pg (${connections} concurrent, ${seconds} s each)`);
    results.push(
      await http(
        `GET /v1/reviews?mine=true&limit=${QUEUE_LIMIT} via gateway`,
        base,
        reviewer,
        () => `/v1/reviews?mine=true&limit=${QUEUE_LIMIT}`,
      ),
    );
    const queue = queueQuery(REVIEWER, true);
    results.push(await direct('same SQL via pg', pool, () => pool.query(queue.sql, queue.params)));
    log(`approvals: campaign report over ${real.length} campaigns, gateway then pg`);
    results.push(
      await http(
        'GET /v1/campaigns/{id}/report via gateway',
        base,
        manager,
        () => `/v1/campaigns/${nextCampaign()}/report`,
      ),
    );
    results.push(await direct('same SQL via pg', pool, () => pool.query(REPORT_SQL, [nextCampaign()])));
    return {
      data,
      results,
      plans,
      reportCampaigns: real.length,
      reportDays: report.byDay.length,
      connections,
      seconds,
    };
  } finally {
    await client.close();
    await pool.end();
  }
}

/** The docs/benchmarks.md section for one result. */
export function approvalsSection(r, { machine, when }) {
  const f = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const n = (x) => Math.round(x).toLocaleString('en');
  const d = r.data;
  const [queueG, queueD, reportG, reportD] = r.results;
  const ratio = (a, b, k) => (a[k] / b[k]).toFixed(2);
  const met = reportG.p95 < REPORT_P95_TARGET_MS;
  return `## Approvals at ${n(d.campaigns)} campaigns, ${n(d.submissions)} submissions, ${n(d.metrics)} metric points (\`npm run bench\`)

Run ${when} UTC on ${machine}. Same method as above
(${r.connections} concurrent clients, ${r.seconds} s per row, latencies in ms, pg rows on a pool of ${r.connections}). The approvals schema is seeded
with SQL (${d.seedSeconds.toFixed(0)} s, ${n(d.schemaMiB)} MiB): ${n(d.publications)} publications (the approved submissions), ${n(d.inReview)} submissions in review
(${n(d.escalated)} overdue and escalated), the rest changes requested, rejected or withdrawn; metric points two days apart, cumulative.
The queue row asks as reviewer@mcst, whose agency has ${n(d.reviewerQueue)} submissions waiting at a reviewer stage. The report rows cycle
over ${r.reportCampaigns} real tasking campaigns (≈ ${n(d.perReport.publications)} publications and ${n(d.perReport.metrics)} metric points each, ${r.reportDays} days);
through the gateway the approvals service also asks tasking for the campaign (\`concord.tasking.campaign.get\`),
at the same time as the report's one query (one pass over the campaign's metrics); the pg row runs only that query.

| measurement | p50 | p95 | p99 | req/s | errors |
|---|---|---|---|---|---|
${r.results.map((x) => `| ${x.name} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.p99)} | ${Math.round(x.rps)} | ${x.errors} |`).join('\n')}

- Review queue: gateway+NATS over direct SQL at p50 **${ratio(queueG, queueD, 'p50')}×**, p95 ${ratio(queueG, queueD, 'p95')}×.
- Campaign report: gateway+NATS over direct SQL at p50 **${ratio(reportG, reportD, 'p50')}×**, p95 ${ratio(reportG, reportD, 'p95')}×; report p95 through the gateway **${f(reportG.p95)} ms** (target < ${REPORT_P95_TARGET_MS} ms): **${met ? 'met' : 'not met'}**.
- At ${r.connections} concurrent clients, latencies under ${REPORT_P95_TARGET_MS} ms need at least ${Math.round((r.connections * 1000) / REPORT_P95_TARGET_MS)} req/s (Little's law); the report's query alone gave ${Math.round(reportD.rps)} req/s here, through the gateway ${Math.round(reportG.rps)} req/s.
`;
}
