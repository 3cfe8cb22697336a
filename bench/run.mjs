#!/usr/bin/env node
// npm run bench: the registry at 100,000 creators, through the gateway
// (HTTP → NATS → registry → PostgreSQL) next to the same SQL run directly
// with pg in the same run; then tasking's fan-out of one brief to 20,000
// creators next to one bulk INSERT of the same rows; then approvals' review
// queue and campaign report (bench/approvals.mjs); then the admin portal's
// bundle size and home page time to interactive in headless Chromium
// (bench/portal.mjs); registrations and agreement drafts written through the
// gateway, each alone and both together (bench/writes.mjs). Writes docs/benchmarks.md.
// BENCH_ONLY=approvals (comma-separated, of registry, agreements, writes, fan-out,
// approvals, portal) still starts the whole system but runs only those measurements
// (registry and agreements go together: the agreements' counterparties are
// the seeded creators).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { approvalsSection, benchApprovals } from './approvals.mjs';
import { benchFanOut, fanOutSection } from './fan-out.mjs';
import { benchPortal, portalSection, snapshotPortalDist } from './portal.mjs';
import { benchWrites, writesSection } from './writes.mjs';
import { seedAgreements } from './seed-agreements.mjs';
import { seedCreators } from './seed-creators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const pg = require('pg');
const {
  startTestInfrastructure,
  createTestDatabase,
  freePort,
  testActorConfig,
} = require('../packages/testing/dist/index.js');
const { generateRolePasswords, prepareServiceDatabases } = require('../packages/database/dist/index.js');
const { foldText, queryWords, allowedTypos, swappedLetters } = require('../packages/domain/dist/index.js');
const { devToken } = require('../packages/client/dist/index.js');
const { seedDemoData } = require('../packages/demo-data/dist/index.js');

const COUNT = Number(process.env.BENCH_CREATORS ?? 100_000);
const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 50_000);
const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const FAN_OUT = Number(process.env.BENCH_FAN_OUT ?? 20_000);
const log = (line) => console.log(`• ${line}`);
const ONLY = process.env.BENCH_ONLY
  ? new Set(
      process.env.BENCH_ONLY.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
  : null;
const runs = (name) => !ONLY || ONLY.has(name);

const children = [];
let infra;
let portalDist;
async function cleanup() {
  portalDist?.remove();
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  await infra?.stop();
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function summarize(latencies, seconds, errors) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: latencies.length / seconds,
    n: latencies.length,
    errors,
  };
}

async function waitReady(url) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never became ready`);
}

/** The gateway under autocannon; latencies from every response. */
async function http(name, baseUrl, token, makePath) {
  const latencies = [];
  let errors = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (req) => ({ ...req, path: makePath() }) }],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status === 200) latencies.push(ms);
    else errors += 1;
  });
  const result = await instance;
  return { name, ...summarize(latencies, result.duration, errors + result.errors) };
}

/** The same SQL straight through pg, 32 concurrent clients, same duration. */
async function direct(name, pool, queries) {
  const latencies = [];
  let errors = 0;
  const end = Date.now() + DURATION_S * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        try {
          await queries();
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { name, ...summarize(latencies, (Date.now() - started) / 1000, errors) };
}

const GET_SQL = `SELECT c.* FROM creators c WHERE 1 = 1 AND c.id = $1`;
const CHANNELS_OF_SQL = `SELECT * FROM channels WHERE creator_id = ANY($1) ORDER BY created_at, id`;
// What the registry runs for q (apps/registry/src/creator/creator.repository.ts):
// the query words widened by the typos they may carry, then creators having a
// match for every word; if none, the whole query as one word; if none, trigrams.
const EXPAND_SQL = `SELECT q.i::int AS i, array_agg(DISTINCT v.word) AS words
  FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS q(w, k, i)
  JOIN search_vocabulary v ON q.k > 0 AND public.levenshtein_less_equal(v.word, q.w, q.k) <= q.k
  GROUP BY q.i`;
const searchSql = (
  conditions,
) => `SELECT c.id, c.kind, c.display_name, c.status, c.topics, c.languages, c.regions, c.total_followers,
  (public.word_similarity($1, c.search_text) * 1000)::int AS rank FROM creators c
  WHERE 1 = 1 AND c.topics @> ARRAY[$2]::text[] AND ${conditions}
  ORDER BY rank DESC, c.id ASC LIMIT 21`;
async function searchDirect(pool, q, topic) {
  const words = queryWords(q);
  const { rows } = await pool.query(EXPAND_SQL, [words, words.map(allowedTypos)]);
  const near = new Map(rows.map((r) => [r.i, r.words]));
  const groups = words.map((w, i) => [
    ...new Set([w, ...(near.get(i + 1) ?? []), ...(w.length > 3 ? swappedLetters(w) : [])]),
  ]);
  const byWords = await pool.query(
    searchSql(groups.map((_, i) => `c.search_words && $${i + 3}::text[]`).join(' AND ')),
    [q, topic, ...groups],
  );
  if (byWords.rows.length) return byWords.rows;
  const joined = words.join('');
  const byJoined = await pool.query(searchSql('c.search_words && $3::text[]'), [
    q,
    topic,
    [joined, ...swappedLetters(joined)],
  ]);
  if (byJoined.rows.length) return byJoined.rows;
  return (await pool.query(searchSql('$1 OPERATOR(public.<%) c.search_text'), [q, topic])).rows;
}

/** Replaces one marked section of docs/benchmarks.md, or appends it. */
function writeSection(name, section) {
  const file = join(root, 'docs/benchmarks.md');
  const current = readFileSync(file, 'utf8');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const next = current.includes(start)
    ? current.slice(0, current.indexOf(start) + start.length) + '\n' + section + current.slice(current.indexOf(end))
    : `${current.trimEnd()}\n\n${start}\n${section}${end}\n`;
  writeFileSync(file, next);
}

// What the agreements service runs (apps/agreements/src/agreement/agreement.repository.ts).
const LIST_AGREEMENTS_SQL = `SELECT a.* FROM agreements.agreements a WHERE a.agency_id = $1 AND a.status = $2 ORDER BY a.id DESC LIMIT 51`;
// The budget reads the year's agreements with what each paid; the service weighs and adds them up (packages/domain agreementBudget).
const BUDGET_SQL = `SELECT a.agency_id, a.counterparty_id, a.counterparty_name, a.status, a.budget,
         coalesce((SELECT sum(m.amount) FROM agreements.milestones m WHERE m.agreement_id = a.id AND m.status = 'paid'), 0)::bigint AS paid
    FROM agreements.agreements a
   WHERE a.agency_id = $1 AND a.term_start >= make_date($2, 1, 1) AND a.term_start < make_date($2 + 1, 1, 1)
     AND a.status IN ('signed', 'active', 'suspended', 'expired', 'terminated')
   ORDER BY a.agency_id, a.counterparty_id`;

try {
  infra = await startTestInfrastructure();
  const databaseUrl = await createTestDatabase(infra.databaseUrl);
  const port = await freePort();
  const env = {
    ...process.env,
    CONCORD_ENV: `bench_${randomBytes(3).toString('hex')}`,
    DATABASE_URL: databaseUrl,
    NATS_URL: infra.natsUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    CONCORD_DEV_AUTH: '1',
    CONCORD_PII_KEY: randomBytes(32).toString('base64'),
    REGISTRY_DB_POOL: '16',
    LOG_LEVEL: 'warn',
    // NATS identities (bus-permissions.ts): the bench's own clients play the gateway, or the tests' harness.
    GATEWAY_NATS_NKEY_SEED: infra.natsSeeds.gateway,
    HARNESS_NATS_NKEY_SEED: infra.natsSeeds.harness,
  };
  // The portal section measures, and the gateway serves, a copy of apps/portal/dist taken now (bench/portal.mjs).
  if (runs('portal')) {
    portalDist = await snapshotPortalDist(log);
    env.PORTAL_DIR = portalDist.dir;
  }
  const processes = {};
  // Each service connects as its own role, as under npm start (ADR 0015); the benchmark's own pools below are the administrator's.
  const serviceUrls = await prepareServiceDatabases({
    adminUrl: databaseUrl,
    root,
    passwords: generateRolePasswords(),
    setPasswords: true,
  });
  // The gateway is ready when every service answers, tasking and approvals included.
  for (const app of ['registry', 'agreements', 'tasking', 'approvals', 'gateway']) {
    // BENCH_PROFILE_DIR=/some/dir writes a CPU profile of each service there, to see where time goes.
    const profile = process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [];
    const child = spawn(process.execPath, [...profile, join(root, `apps/${app}/dist/main.js`)], {
      env: { ...env, DATABASE_URL: serviceUrls[app], NATS_NKEY_SEED: infra.natsSeeds[app], ...testActorConfig(app) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    processes[app] = child;
  }
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/health/system`); // every service answers, not only the gateway's own connections

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`;
  const f = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  if (runs('registry') || runs('agreements')) {
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: CONNECTIONS,
      options: '-c search_path=registry,public -c pg_trgm.word_similarity_threshold=0.45',
    });
    log(`Seeding ${COUNT.toLocaleString('en')} creators`);
    const seeded = await seedCreators(pool, COUNT);
    const ids = (await pool.query('SELECT id FROM creators ORDER BY random() LIMIT 5000')).rows.map((r) => r.id);
    const names = seeded
      .filter((c) => c.input.topics?.includes('tourism'))
      .slice(0, 5000)
      .map((c) => c.input.displayName);
    const misspell = (s) => (s.length > 6 ? s.slice(0, 3) + s[4] + s[3] + s.slice(5) : s);
    const pick = (list) => list[Math.floor(Math.random() * list.length)];
    const queryText = () => foldText(Math.random() < 0.5 ? pick(names) : misspell(pick(names)));
    const token = await devToken(base, 'reviewer@mcst');

    log(`Warming up`);
    await direct('warm-up', pool, () => searchDirect(pool, queryText(), 'tourism'));

    const results = [];
    log(`GET /v1/creators/{id}: gateway, then pg (${CONNECTIONS} concurrent, ${DURATION_S} s each)`);
    results.push(await http('GET /v1/creators/{id} via gateway', base, token, () => `/v1/creators/${pick(ids)}`));
    results.push(
      await direct('same SQL via pg', pool, async () => {
        const id = pick(ids);
        await pool.query(GET_SQL, [id]);
        await pool.query(CHANNELS_OF_SQL, [[id]]);
      }),
    );
    log(`search q + topic: gateway, then pg`);
    results.push(
      await http(
        'GET /v1/creators?q=…&topic=tourism&limit=20 via gateway',
        base,
        token,
        () => `/v1/creators?limit=20&topic=tourism&q=${encodeURIComponent(queryText())}`,
      ),
    );
    results.push(
      await direct('same SQL via pg', pool, async () => {
        const rows = await searchDirect(pool, queryText(), 'tourism');
        await pool.query(CHANNELS_OF_SQL, [rows.slice(0, 20).map((r) => r.id)]);
      }),
    );
    log(`Seeding ${AGREEMENTS.toLocaleString('en')} agreements`);
    const counterparties = (
      await pool.query('SELECT id, display_name AS name FROM creators ORDER BY random() LIMIT 2000')
    ).rows;
    await seedAgreements(pool, AGREEMENTS, counterparties);
    const manager = await devToken(base, 'manager@mcst');
    const agreementResults = [];
    log(`agreements list and budget: gateway, then pg`);
    agreementResults.push(
      await http(
        'GET /v1/agreements?status=active&limit=50 via gateway',
        base,
        manager,
        () => '/v1/agreements?status=active&limit=50',
      ),
    );
    agreementResults.push(
      await direct('same SQL via pg', pool, () => pool.query(LIST_AGREEMENTS_SQL, ['mcst-ttcs', 'active'])),
    );
    agreementResults.push(
      await http(
        'GET /v1/agreements/budget?year=2026 via gateway',
        base,
        manager,
        () => '/v1/agreements/budget?year=2026',
      ),
    );
    agreementResults.push(await direct('same SQL via pg', pool, () => pool.query(BUDGET_SQL, ['mcst-ttcs', 2026])));
    await pool.end();

    const rows = results.map(
      (r) => `| ${r.name} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${Math.round(r.rps)} | ${r.errors} |`,
    );
    const ratio = (a, b, k) => (a[k] / b[k]).toFixed(2);
    const [getG, getD, searchG, searchD] = results;
    const section = `## Registry at ${COUNT.toLocaleString('en')} creators (\`npm run bench\`)

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}. Everything (PostgreSQL 18 embedded,
nats-server, registry, gateway, load generator) shares the same machine. ${CONNECTIONS} concurrent clients, ${DURATION_S} s per row;
latencies in ms. The gateway rows go HTTP → gateway (auth, validation) → NATS → registry (permissions) → PostgreSQL → back;
the pg rows run the same SQL directly with \`pg\` (a pool of ${CONNECTIONS}) in the same run.

| measurement | p50 | p95 | p99 | req/s | errors |
|---|---|---|---|---|---|
${rows.join('\n')}

- GET by id: gateway+NATS over direct SQL at p50 **${ratio(getG, getD, 'p50')}×** (target < 3×), p95 ${ratio(getG, getD, 'p95')}×.
- Search: gateway+NATS over direct SQL at p50 **${ratio(searchG, searchD, 'p50')}×** (target < 3×); search p95 through the gateway **${f(searchG.p95)} ms** (target < 50 ms).
`;
    const [listG, listD, budgetG, budgetD] = agreementResults;
    const agreementSection = `## Agreements at ${AGREEMENTS.toLocaleString('en')} agreements (\`npm run bench\`)

Same run, machine and method as above; the agreements service answers over NATS. One milestone per agreement, half paid.

| measurement | p50 | p95 | p99 | req/s | errors |
|---|---|---|---|---|---|
${agreementResults.map((r) => `| ${r.name} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${Math.round(r.rps)} | ${r.errors} |`).join('\n')}

- List: gateway+NATS over direct SQL at p50 **${ratio(listG, listD, 'p50')}×**; budget report **${ratio(budgetG, budgetD, 'p50')}×**.
`;
    console.log(`\n${section}\n${agreementSection}`);
    writeSection('registry', section);
    writeSection('agreements', agreementSection);
    log(`Wrote docs/benchmarks.md (registry, agreements)`);
  }

  // Write throughput: registrations and agreement drafts, each alone and both together (bench/writes.mjs).
  if (runs('writes')) {
    let data = `The registry held the ${COUNT.toLocaleString('en')} creators seeded above.`;
    if (!runs('registry') && !runs('agreements')) {
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
      log(`Seeding ${COUNT.toLocaleString('en')} creators`);
      await seedCreators(pool, COUNT);
      await pool.end();
      data = `The registry held ${COUNT.toLocaleString('en')} seeded creators (\`BENCH_CREATORS\`) before the run.`;
    }
    const writes = await benchWrites({ base, log, databaseUrl });
    const writesText = writesSection(writes, {
      machine,
      when: new Date().toISOString().slice(0, 16).replace('T', ' '),
      data,
    });
    console.log(`\n${writesText}`);
    writeSection('writes', writesText);
    log(`Wrote docs/benchmarks.md (writes)`);
  }

  // Tasking's fan-out, on the same database (the registry answers its pages), after the load runs.
  if (runs('fan-out')) {
    const fanOut = await benchFanOut({
      env,
      taskingPid: processes.tasking.pid,
      registryPid: processes.registry.pid,
      log,
      count: FAN_OUT,
    });
    const fanOutText = fanOutSection(fanOut, {
      machine,
      when: new Date().toISOString().slice(0, 16).replace('T', ' '),
    });
    console.log(`\n${fanOutText}`);
    writeSection('fan-out', fanOutText);
    log(`Wrote docs/benchmarks.md (fan-out)`);
  }

  // Approvals: the review queue and a campaign's report over its own seeded schema, gateway next to the same SQL.
  if (runs('approvals')) {
    const approvals = await benchApprovals({
      env,
      base,
      log,
      http,
      direct,
      connections: CONNECTIONS,
      seconds: DURATION_S,
    });
    const approvalsText = approvalsSection(approvals, {
      machine,
      when: new Date().toISOString().slice(0, 16).replace('T', ' '),
    });
    console.log(`\n${approvalsText}`);
    writeSection('approvals', approvalsText);
    log(`Wrote docs/benchmarks.md (approvals)`);
  }

  // The admin portal: bundle size from apps/portal/dist, home page time to interactive in headless Chromium via the gateway.
  if (runs('portal')) {
    const before = ['registry', 'agreements', 'writes', 'fan-out', 'approvals'].filter(runs);
    let data;
    if (before.length) {
      data = `Data: what the sections above seeded in this run (${before.join(', ')}); manager@mcst's agency (mcst-ttcs) owns the seeded agreements.`;
    } else {
      // Alone (BENCH_ONLY=portal): the demo data `npm start` loads, so the home page has something to show.
      log(`Seeding the demo data (as npm start does)`);
      const demo = await seedDemoData(base, () => undefined);
      data = `Data: only the demo data \`npm start\` loads (${demo.creators} creators, ${demo.agreements} agreements, joint campaign requests), seeded for this section (\`BENCH_ONLY=portal\`).`;
    }
    const portal = await benchPortal({ base, log, devToken, builtAt: portalDist.builtAt });
    const portalText = portalSection(portal, {
      machine,
      when: new Date().toISOString().slice(0, 16).replace('T', ' '),
      data,
    });
    console.log(`\n${portalText}`);
    writeSection('portal', portalText);
    log(`Wrote docs/benchmarks.md (portal)`);
  }
  await cleanup();
} catch (error) {
  console.error(error);
  await cleanup();
  process.exit(1);
}
