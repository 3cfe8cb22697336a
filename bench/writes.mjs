// Write throughput through the gateway: POST /v1/creators (registrar@mcst,
// unique channels, valid personal data) alone, POST /v1/agreements drafts
// (manager@mcst, against creators registered first) alone, then both at the
// same time. Every request is a real write: its own Idempotency-Key, a real
// bearer token from the gateway, the whole path HTTP → gateway → NATS →
// service → PostgreSQL (drafts also ask the registry for the counterparty).
// Called by bench/run.mjs (BENCH_ONLY=writes runs only this part).
//
// Registrations run flat out (a bulk import: what the registry can take);
// drafts come at a steady rate (people at work: their latency is what
// suffers when one waits on the other). Targets (issue 12): together within
// 1.3× of alone — drafts' p50, registrations' p50 and throughput — and
// registrations ≥ 300/s on this machine through the gateway.
//
// Knobs:
//   BENCH_WRITE_SECONDS            seconds per measurement                   (10)
//   BENCH_WRITE_CONNECTIONS        concurrent registrations                  (16)
//   BENCH_WRITE_RATE               registrations offered per second, 0 = flat out (0)
//   BENCH_WRITE_DRAFT_CONNECTIONS  concurrent drafts                         (4)
//   BENCH_WRITE_DRAFT_RATE         drafts offered per second, 0 = as fast as they go (20)
//   BENCH_WRITE_WAITS=1            print what the services' PostgreSQL sessions were doing
//                                  (pg_stat_activity sampled every 20 ms) in each measurement
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { demoCreators } = require('../packages/demo-data/dist/index.js');
const { devToken } = require('../packages/client/dist/index.js');

export const REGISTRATIONS_TARGET_RPS = 300;
export const TOGETHER_TARGET_RATIO = 1.3;

const SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
const REGISTER_CONNECTIONS = Number(process.env.BENCH_WRITE_CONNECTIONS ?? 16);
const REGISTER_RATE = Number(process.env.BENCH_WRITE_RATE ?? 0);
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
    for (const [key, n] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${(n / samples).toFixed(2)}  ${key}`);
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
      deliverables: [{ platform: 'tiktok', quantity: 5 }, { platform: 'facebook', quantity: 2 }],
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
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
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
      name, connections, rate, n: latencies.length, rps: latencies.length / result.duration, errors,
      statuses: Object.fromEntries(statuses), p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
    };
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
      headers: { authorization: `Bearer ${registrar}`, 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
      body: JSON.stringify(nextRegistration()),
    });
    if (res.status !== 201) throw new Error(`Registering a counterparty: ${res.status} ${await res.text()}`);
    counterpartyIds.push((await res.json()).id);
  }
  const nextDraft = drafts(counterpartyIds);
  const register = (label) => load(`POST /v1/creators ${label}`, base, registrar, '/v1/creators', nextRegistration, REGISTER_CONNECTIONS, { rate: REGISTER_RATE });
  const draft = (label) => load(`POST /v1/agreements ${label}`, base, manager, '/v1/agreements', nextDraft, DRAFT_CONNECTIONS, { rate: DRAFT_RATE });

  log(`Warming up (2 s of drafts)`);
  await load('warm-up', base, manager, '/v1/agreements', nextDraft, DRAFT_CONNECTIONS, { duration: 2 });

  log(`Registrations alone (${REGISTER_CONNECTIONS} concurrent, ${REGISTER_RATE > 0 ? `${REGISTER_RATE}/s offered` : 'flat out'}, ${SECONDS} s)`);
  const registerAlone = await sampled(databaseUrl, 'registrations alone', log, () => register('alone'));
  log(`Drafts alone (${DRAFT_CONNECTIONS} concurrent, ${DRAFT_RATE > 0 ? `${DRAFT_RATE}/s offered` : 'flat out'}, ${SECONDS} s)`);
  const draftAlone = await sampled(databaseUrl, 'drafts alone', log, () => draft('alone'));
  log(`Both at the same time (${SECONDS} s)`);
  const [registerTogether, draftTogether] = await sampled(databaseUrl, 'both', log, () => Promise.all([register('with drafts'), draft('with registrations')]));
  return { registerAlone, draftAlone, registerTogether, draftTogether, seconds: SECONDS };
}

export function writesSection(r, { machine, when, data }) {
  const f = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const offered = (x) => (x.rate > 0 ? `${x.rate}/s` : 'flat out');
  const failures = (x) => (x.errors ? ` (${Object.entries(x.statuses).map(([s, k]) => `${k}× ${s}`).join(', ') || 'no answer'})` : '');
  const row = (x) => `| ${x.name} | ${x.connections} | ${offered(x)} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.p99)} | ${Math.round(x.rps)} | ${x.errors}${failures(x)} |`;
  const draftP50 = r.draftTogether.p50 / r.draftAlone.p50;
  const regP50 = r.registerTogether.p50 / r.registerAlone.p50;
  const regRps = r.registerAlone.rps / r.registerTogether.rps;
  const draftRps = r.draftAlone.rps / r.draftTogether.rps;
  const together = Math.max(draftP50, regP50, regRps);
  const mark = (ok) => (ok ? 'met' : '**missed**');
  return `## Write throughput: registrations and agreement drafts (\`npm run bench\`)

Run ${when} UTC on ${machine}. Everything (PostgreSQL, nats-server, the services, the gateway, the load generator) shares the
same machine. Through the gateway with real tokens, every request its own Idempotency-Key and body: \`POST /v1/creators\` as
registrar@mcst (demo names with personal data and consent, unique channels: encryption, the duplicate-name check, the search
vocabulary, audit and outbox all do their work) ${r.registerAlone.rate > 0 ? 'at a steady offered rate' : 'flat out'}; \`POST /v1/agreements\` drafts as manager@mcst at a steady offered rate
(the agreements service asks the registry for the counterparty, then numbers, audits and stores the draft). Each load alone,
then both at the same time; ${r.seconds} s per row, latencies of the 201 answers in ms. ${data}

| measurement | connections | offered | p50 | p95 | p99 | req/s | errors |
|---|---|---|---|---|---|---|---|
${[r.registerAlone, r.draftAlone, r.registerTogether, r.draftTogether].map(row).join('\n')}

- Together over alone: drafts' p50 **${f(draftP50)}×**, registrations' p50 **${f(regP50)}×** and throughput **${f(regRps)}×** (alone ÷ together) (target ≤ ${TOGETHER_TARGET_RATIO}×: ${mark(together <= TOGETHER_TARGET_RATIO)}); drafts' throughput ${f(draftRps)}×.
- Registrations alone: **${Math.round(r.registerAlone.rps)}/s** (target ≥ ${REGISTRATIONS_TARGET_RPS}/s: ${mark(r.registerAlone.rps >= REGISTRATIONS_TARGET_RPS)}).
`;
}
