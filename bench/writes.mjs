// Write throughput through the gateway: POST /v1/creators (registrar@mcst,
// unique channels, valid personal data) alone, POST /v1/agreements drafts
// (manager@mcst, against creators registered first) alone, then both at the
// same time. Every request is a real write: its own Idempotency-Key, a real
// bearer token from the gateway, the whole path HTTP → gateway → NATS →
// service → PostgreSQL (drafts also ask the registry for the counterparty).
// Called by bench/run.mjs (BENCH_ONLY=writes runs only this part).
//
// Two questions, two sets of rows. How many registrations the system takes:
// registrations flat out (a bulk import), alone and with drafts (target
// ≥ 300/s on this machine through the gateway). Whether the two wait on each
// other (target: together within 1.3× of alone — each one's p50 and
// throughput): both at steady offered rates the machine can carry —
// registrations at half of what they reached flat out, drafts at 20/s — each
// alone, then together. Flat out, registrations fill both cores, and
// anything else on the machine then waits for a core whatever the code does;
// at a rate below that, what is left between alone and together is one
// waiting on the other (a lock, a pool, a queue).
//
// Knobs:
//   BENCH_WRITE_SECONDS            seconds per measurement                   (10)
//   BENCH_WRITE_CONNECTIONS        concurrent registrations flat out (64: with 16, each waiting for its answer, they
//                                  left a fifth of the machine idle at 250/s)
//   BENCH_WRITE_RATE               registrations offered per second in the steady rows (half the flat-out rate)
//   BENCH_WRITE_DRAFT_CONNECTIONS  concurrent drafts when BENCH_WRITE_DRAFT_RATE=0 (4)
//   BENCH_WRITE_DRAFT_RATE         drafts offered per second, 0 = as fast as they go (20)
//   BENCH_WRITE_WAITS=1            print what the services' PostgreSQL sessions were doing
//                                  (pg_stat_activity sampled every 20 ms) in each measurement
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { measured } from './process-cpu.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { demoCreators } = require('../packages/demo-data/dist/index.js');
const { devToken } = require('../packages/client/dist/index.js');

export const REGISTRATIONS_TARGET_RPS = 300;
export const TOGETHER_TARGET_RATIO = 1.3;

const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
const REGISTER_CONNECTIONS = Number(process.env.BENCH_WRITE_CONNECTIONS ?? 64);
const REGISTER_RATE = process.env.BENCH_WRITE_RATE ? Number(process.env.BENCH_WRITE_RATE) : null;
const DRAFT_CONNECTIONS = Number(process.env.BENCH_WRITE_DRAFT_CONNECTIONS ?? 4);
const DRAFT_RATE = Number(process.env.BENCH_WRITE_DRAFT_RATE ?? 20);
const COUNTERPARTIES = 50;
const LABEL = '#HợpTác cùng Cục TTCS&TTĐN';
const WAITS = process.env.BENCH_WRITE_WAITS === '1';
const pg = require('pg');

/**
 * Samples pg_stat_activity while `work` runs: per service, how often its sessions were running a statement, waiting for a
 * lock (and which) or idle in a transaction (waiting for the service). Where the time of a write goes, from the database's side.
 */
async function sampled(databaseUrl, label, log, work) {
  if (!WAITS) return work();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const tally = new Map();
  let samples = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const { rows } = await client.query(
        `SELECT application_name AS app, state, coalesce(wait_event_type || ':' || wait_event, 'cpu') AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
           FROM pg_stat_activity WHERE application_name LIKE 'concord-%' AND state <> 'idle' AND pid <> pg_backend_pid()`,
      );
      samples += 1;
      for (const r of rows) {
        const key = `${r.app} ${r.state === 'active' ? r.wait : r.state} ${r.state === 'active' ? r.query : ''}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    return await work();
  } finally {
    done = true;
    await sampler;
    await client.end();
    log(`${label}: busy sessions per sample (${samples} samples)`);
    for (const [key, n] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`    ${(n / samples).toFixed(2)}  ${key}`);
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Registration bodies, endlessly: the demo data's names, personal data and
 * consent (so duplicate checks and encryption do their real work), with every
 * handle made unique to this run (a taken channel would be a 409).
 */
function registrations() {
  const pool = demoCreators(2_000, 4242).filter((c) => c.input.kind === 'individual');
  const run = randomBytes(3).toString('hex');
  let n = 0;
  return () => {
    const { input } = pool[n % pool.length];
    const tag = `w${run}${(n++).toString(36)}`;
    return {
      ...input,
      managementCompanyId: null,
      channels: input.channels.map((ch) => {
        const handle = `${ch.handle.slice(0, 60)}.${tag}`;
        return { ...ch, handle, url: `https://example.vn/${ch.platform}/${handle}` };
      }),
    };
  };
}

function drafts(counterpartyIds) {
  let n = 0;
  return () => {
    const i = n++;
    return {
      kind: 'service_contract',
      counterpartyId: counterpartyIds[i % counterpartyIds.length],
      title: `Bench draft ${i}: short videos on heritage sites`,
      scope: 'Five short videos and two posts on heritage sites, with the disclosure label on each',
      term: { start: '2027-03-01', end: '2027-06-30' },
      budget: 25_000_000 + (i % 40) * 1_000_000,
      deliverables: [
        { platform: 'tiktok', quantity: 5 },
        { platform: 'facebook', quantity: 2 },
      ],
      disclosureLabel: LABEL,
    };
  };
}

/** One POST load under autocannon: each request with a fresh body and Idempotency-Key; latencies of the 201s. */
function load(name, base, token, path, nextBody, connections, { duration = SECONDS, rate = 0 } = {}) {
  const latencies = [];
  const statuses = new Map();
  const instance = autocannon({
    url: base,
    connections,
    duration,
    ...(rate > 0 ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          method: 'POST',
          path,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': randomBytes(12).toString('hex'),
          },
          body: JSON.stringify(nextBody()),
        }),
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status === 201) latencies.push(ms);
    else statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  return instance.then((result) => {
    const sorted = Float64Array.from(latencies).sort();
    const errors = [...statuses.values()].reduce((a, b) => a + b, 0) + result.errors + result.timeouts;
    return {
      name,
      connections,
      rate,
      n: latencies.length,
      rps: latencies.length / result.duration,
      errors,
      statuses: Object.fromEntries(statuses),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  });
}

/**
 * One POST load at a steady arrival rate (open loop): request i leaves at start + i / rate whatever the answers before it
 * did, and its latency counts from then, so a slow answer is not hidden by the requests it delayed (autocannon's rate
 * option is closed: each connection sends its share of a second back to back, then waits for the next second, bursts
 * that a steady rate does not have).
 */
function steadyLoad(name, base, token, path, nextBody, rate, { duration = SECONDS, connections = 64 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(path, base);
  const latencies = [];
  const statuses = new Map();
  let errors = 0;
  const total = Math.round(rate * duration);
  const start = performance.now();
  const due = (i) => start + (i * 1000) / rate;
  const send = (scheduled) =>
    new Promise((resolve) => {
      const body = JSON.stringify(nextBody());
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': randomBytes(12).toString('hex'),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 201) latencies.push(performance.now() - scheduled);
            else statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  return new Promise((resolve) => {
    const inFlight = [];
    let sent = 0;
    const tick = () => {
      while (sent < total && due(sent) <= performance.now()) inFlight.push(send(due(sent++)));
      if (sent < total) setTimeout(tick, Math.max(0, due(sent) - performance.now()));
      else
        Promise.all(inFlight).then(() => {
          agent.destroy();
          const elapsed = (performance.now() - start) / 1000;
          const sorted = Float64Array.from(latencies).sort();
          resolve({
            name,
            connections: 'open',
            rate,
            n: latencies.length,
            rps: latencies.length / Math.max(elapsed, duration),
            statuses: Object.fromEntries(statuses),
            errors: errors + [...statuses.values()].reduce((a, b) => a + b, 0),
            p50: percentile(sorted, 50),
            p95: percentile(sorted, 95),
            p99: percentile(sorted, 99),
          });
        });
    };
    tick();
  });
}

export async function benchWrites({ base, log, databaseUrl }) {
  const registrar = await devToken(base, 'registrar@mcst');
  const manager = await devToken(base, 'manager@mcst');
  const nextRegistration = registrations();

  // The drafts' counterparties, registered through the API (this also warms the registration path up).
  log(`Registering ${COUNTERPARTIES} counterparties for the drafts`);
  const counterpartyIds = [];
  for (let i = 0; i < COUNTERPARTIES; i++) {
    const res = await fetch(`${base}/v1/creators`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${registrar}`,
        'content-type': 'application/json',
        'idempotency-key': randomBytes(12).toString('hex'),
      },
      body: JSON.stringify(nextRegistration()),
    });
    if (res.status !== 201) throw new Error(`Registering a counterparty: ${res.status} ${await res.text()}`);
    counterpartyIds.push((await res.json()).id);
  }
  const nextDraft = drafts(counterpartyIds);
  const register = (label, rate) =>
    rate > 0
      ? steadyLoad(`POST /v1/creators ${label}`, base, registrar, '/v1/creators', nextRegistration, rate)
      : load(`POST /v1/creators ${label}`, base, registrar, '/v1/creators', nextRegistration, REGISTER_CONNECTIONS);
  const draft = (label) =>
    DRAFT_RATE > 0
      ? steadyLoad(`POST /v1/agreements ${label}`, base, manager, '/v1/agreements', nextDraft, DRAFT_RATE)
      : load(`POST /v1/agreements ${label}`, base, manager, '/v1/agreements', nextDraft, DRAFT_CONNECTIONS);
  const offered = (rate) => (rate > 0 ? `${rate}/s offered` : 'flat out');

  log(`Warming up (3 s of registrations flat out, 2 s of drafts)`);
  await load('warm-up', base, registrar, '/v1/creators', nextRegistration, REGISTER_CONNECTIONS, { duration: 3 });
  await load('warm-up', base, manager, '/v1/agreements', nextDraft, DRAFT_CONNECTIONS, { duration: 2 });

  // Each measurement is also a window of CPU accounting (process-cpu.mjs): what every process ran and waited for a core.
  const windows = [];
  const window = async (label, work) => {
    const { result, cpu } = await measured(work);
    const answered = [result].flat().reduce((sum, x) => sum + x.n, 0);
    windows.push({ label, answered, cpu });
    return result;
  };
  // What the system spends doing nothing asked of it (relays, sequencers, timers, PostgreSQL's own processes): every window
  // below carries this too.
  log(`Idle (5 s after 5 s for the warm-up's events and audit entries to be published and chained)`);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  await window(
    'idle, 5 s (CPU per second, not per request)',
    () => new Promise((resolve) => setTimeout(() => resolve({ n: 5 }), 5_000)),
  );
  log(`Registrations flat out (${REGISTER_CONNECTIONS} concurrent, ${SECONDS} s)`);
  const flatOut = await window('registrations flat out', () =>
    sampled(databaseUrl, 'registrations flat out', log, () => register('flat out', 0)),
  );
  log(`Registrations flat out with drafts (${SECONDS} s)`);
  const [flatOutWithDrafts, draftsWithFlatOut] = await window('registrations flat out and drafts', () =>
    sampled(databaseUrl, 'registrations flat out with drafts', log, () =>
      Promise.all([register('flat out, with drafts', 0), draft('with registrations flat out')]),
    ),
  );
  const steady = REGISTER_RATE ?? Math.max(1, Math.round(flatOut.rps / 2));
  log(`Registrations alone (${offered(steady)}, ${SECONDS} s)`);
  const registerAlone = await window('registrations alone', () =>
    sampled(databaseUrl, 'registrations alone', log, () => register('alone', steady)),
  );
  log(`Drafts alone (${DRAFT_CONNECTIONS} concurrent, ${offered(DRAFT_RATE)}, ${SECONDS} s)`);
  const draftAlone = await window('drafts alone', () =>
    sampled(databaseUrl, 'drafts alone', log, () => draft('alone')),
  );
  log(`Both at the same time (${SECONDS} s)`);
  const [registerTogether, draftTogether] = await window('registrations and drafts', () =>
    sampled(databaseUrl, 'both', log, () =>
      Promise.all([register('with drafts', steady), draft('with registrations')]),
    ),
  );
  // The control: drafts next to a process that has nothing to do with Concord and keeps one core busy.
  log(`Drafts with one core busy elsewhere (${SECONDS} s)`);
  const burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  let draftBesideBurner;
  try {
    draftBesideBurner = await window('drafts, one core busy elsewhere', () => draft('with one core busy elsewhere'));
  } finally {
    burner.kill('SIGKILL');
  }
  return {
    flatOut,
    flatOutWithDrafts,
    draftsWithFlatOut,
    registerAlone,
    draftAlone,
    registerTogether,
    draftTogether,
    draftBesideBurner,
    windows,
    seconds: SECONDS,
  };
}

const COST_COLUMNS = ['gateway', 'registry', 'agreements', 'nats', 'postgres', 'load generator'];

/** The CPU table: per window, ms of CPU per answered request in each process, and ms waited for a core per request. */
function costTable(windows) {
  const f = (n) => n.toFixed(2);
  const rows = windows.map(({ label, answered, cpu }) => {
    const per = (ms) => ms / Math.max(1, answered);
    const of = (group) => cpu.get(group) ?? { cpuMs: 0, waitMs: 0 };
    const rest = [...cpu].filter(([g]) => !COST_COLUMNS.includes(g)).reduce((sum, [, c]) => sum + c.cpuMs, 0);
    const all = [...cpu.values()];
    const cpuTotal = all.reduce((sum, c) => sum + c.cpuMs, 0);
    const waitTotal = all.reduce((sum, c) => sum + c.waitMs, 0);
    return `| ${label} | ${answered} | ${COST_COLUMNS.map((g) => f(per(of(g).cpuMs))).join(' | ')} | ${f(per(rest))} | ${f(per(cpuTotal))} | ${f(per(waitTotal))} |`;
  });
  return `| window | answered | ${COST_COLUMNS.join(' | ')} | the rest | all CPU | waited for a core |
|---|---|${COST_COLUMNS.map(() => '---|').join('')}---|---|---|
${rows.join('\n')}`;
}

export function writesSection(r, { machine, when, data }) {
  const f = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const offered = (x) => (x.rate > 0 ? `${x.rate}/s` : 'flat out');
  const failures = (x) =>
    x.errors
      ? ` (${
          Object.entries(x.statuses)
            .map(([s, k]) => `${k}× ${s}`)
            .join(', ') || 'no answer'
        })`
      : '';
  const row = (x) =>
    `| ${x.name} | ${x.connections} | ${offered(x)} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.p99)} | ${Math.round(x.rps)} | ${x.errors}${failures(x)} |`;
  const draftP50 = r.draftTogether.p50 / r.draftAlone.p50;
  const regP50 = r.registerTogether.p50 / r.registerAlone.p50;
  const regRps = r.registerAlone.rps / r.registerTogether.rps;
  const draftRps = r.draftAlone.rps / r.draftTogether.rps;
  const together = Math.max(draftP50, regP50, regRps, draftRps);
  const mark = (ok) => (ok ? 'met' : '**missed**');
  return `## Write throughput: registrations and agreement drafts (\`npm run bench\`)

Run ${when} UTC on ${machine}. Everything (PostgreSQL, nats-server, the services, the gateway, the load generator) shares the
same machine. Through the gateway with real tokens, every request its own Idempotency-Key and body: \`POST /v1/creators\` as
registrar@mcst (demo names with personal data and consent, unique channels: encryption, the duplicate-name check, the search
vocabulary, audit and outbox all do their work); \`POST /v1/agreements\` drafts as manager@mcst at a steady offered rate
(the agreements service asks the registry for the counterparty, then numbers, audits and stores the draft). First
registrations flat out, alone and with drafts (what the system takes); then, to see whether one waits on the other,
registrations at a steady rate of half that, alone, drafts alone, and both together; last, as a control, drafts beside a
process unrelated to Concord that keeps one core busy (\`node -e 'for (;;) {}'\`). ${r.seconds} s per row, latencies of the
201 answers in ms. ${data}

| measurement | connections | offered | p50 | p95 | p99 | req/s | errors |
|---|---|---|---|---|---|---|---|
${[r.flatOut, r.flatOutWithDrafts, r.draftsWithFlatOut, r.registerAlone, r.draftAlone, r.registerTogether, r.draftTogether, r.draftBesideBurner].map(row).join('\n')}

- Registrations flat out: **${Math.round(r.flatOut.rps)}/s** (target ≥ ${REGISTRATIONS_TARGET_RPS}/s: ${mark(r.flatOut.rps >= REGISTRATIONS_TARGET_RPS)}); ${Math.round(r.flatOutWithDrafts.rps)}/s with drafts.
- At a steady ${r.registerAlone.rate} registrations/s, together over alone: drafts' p50 **${f(draftP50)}×**, registrations' p50 **${f(regP50)}×**, throughput (alone ÷ together) registrations ${f(regRps)}×, drafts ${f(draftRps)}× (target ≤ ${TOGETHER_TARGET_RATIO}×: ${mark(together <= TOGETHER_TARGET_RATIO)}).
- With registrations flat out (both cores full), drafts' p50 is ${f(r.draftsWithFlatOut.p50 / r.draftAlone.p50)}× alone. The control, drafts beside a process that only keeps one core busy: ${f(r.draftBesideBurner.p50 / r.draftAlone.p50)}× alone.

Where the CPU went in each measurement (\`bench/process-cpu.mjs\`, from the kernel's per-thread schedstat): milliseconds of CPU
per answered request (registrations and drafts together where both ran) in each process, and the milliseconds all of them
spent runnable but waiting for one of the two cores. "The rest" is tasking, approvals and, in the control, the busy process.

${costTable(r.windows)}
`;
}
