// Starts the whole system in the foreground: PostgreSQL and NATS (embedded
// unless DATABASE_URL / NATS_URL are set), every service, the gateway, and
// the demo data. It behaves like a supervisor (packages/launcher):
// - it holds <data folder>/launcher.lock: a second launcher on the same data
//   folder refuses at once; the orphans of a dead launcher are stopped first;
// - a service that crashes is restarted with backoff, and the restart logged;
// - a watchdog stops everything if this process dies, even by SIGKILL;
// - Ctrl-C / SIGTERM / SIGHUP stop services, then NATS, then PostgreSQL, and
//   this process exits only once all of them have (`npm start` runs it with
//   `exec`, so npm waits for it too).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const {
  startEmbeddedPostgres,
  ensureDatabase,
  generateRolePasswords,
  prepareServiceDatabases,
} = require('../packages/database/dist/index.js');
const {
  ensureBusSeeds,
  writeNatsServerConfig,
  generateActorKeyPair,
  actorPublicKeyOf,
  formatActorIssuers,
} = require('../packages/messaging/dist/index.js');
const { startNatsServer } = require('../packages/local-servers/dist/index.js');
const { auditSigningKey } = require('../packages/domain/dist/index.js');
const { seedDemoData } = require('../packages/demo-data/dist/index.js');
const {
  LauncherLock,
  LauncherLockedError,
  ServiceSupervisor,
  ensurePortsFree,
  launcherDataDir,
  startWatchdog,
} = require('../packages/launcher/dist/index.js');

const env = { ...process.env };
env.CONCORD_ENV ??= 'dev';
env.CONCORD_DEV_AUTH ??= '1';
env.PORT ??= '3000';
env.HOST ??= '127.0.0.1';
const dataDir = launcherDataDir(root, env);
mkdirSync(dataDir, { recursive: true });
chmodSync(dataDir, 0o755);

const log = (line) => console.log(`• ${line}`);
const warn = (line) => console.error(`✗ ${line}`);
const stops = []; // NATS, then PostgreSQL: stopped in reverse, after the services
let stopping = false;
let lock;
let watchdog;

const supervisor = new ServiceSupervisor({
  log,
  warn,
  onSpawn: (name, pid) => lock.record({ name, pid, stopSignal: 'SIGTERM', group: true, order: 0 }),
});

async function stopAll(code) {
  if (stopping) {
    log('Already stopping; waiting for the services, NATS and PostgreSQL to finish');
    return;
  }
  stopping = true;
  await startup.catch(() => undefined); // the step in flight sees `stopping` and returns
  log('Stopping: services first (they drain NATS and finish in-flight requests), then NATS and PostgreSQL…');
  await supervisor.stop();
  for (const stop of stops.reverse()) await stop().catch((e) => warn(e.message));
  lock?.release();
  await watchdog?.dismiss();
  log('Stopped.');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));
// A closed terminal (SIGHUP) makes writes fail: the orderly stop goes on regardless.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

/** Secrets generated once per checkout, kept in the git-ignored data folder. */
function localSecrets() {
  const file = join(dataDir, 'secrets.json');
  if (!existsSync(file)) {
    writeFileSync(
      file,
      JSON.stringify(
        { piiKey: randomBytes(32).toString('base64'), devAuthSecret: randomBytes(32).toString('hex') },
        null,
        2,
      ),
      { mode: 0o600 },
    );
    log(`Generated local secrets in ${file} (personal-data key, dev token secret)`);
  }
  const secrets = JSON.parse(readFileSync(file, 'utf8'));
  if (!secrets.auditKeys) {
    // Each service's Ed25519 audit signing key (a 32-byte seed); the gateway gets the public halves.
    secrets.auditKeys = Object.fromEntries(AUDITED_SERVICES.map((s) => [s, randomBytes(32).toString('base64')]));
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    log(`Generated audit signing keys in ${file}`);
  }
  // Added to a data folder made before ADR 0014 too: one Ed25519 key per process that vouches for actors.
  if (!secrets.actorKeys) {
    secrets.actorKeys = Object.fromEntries(ACTOR_SIGNERS.map((name) => [name, generateActorKeyPair().privateKey]));
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    log(`Generated the actor-signing keys of ${ACTOR_SIGNERS.join(', ')} in ${file}`);
  }
  return secrets;
}

const AUDITED_SERVICES = ['registry', 'agreements', 'tasking', 'approvals'];

/** The processes that vouch for the actor of the requests they send (ADR 0014); production gives each its key as <NAME>_ACTOR_KEY. */
const ACTOR_SIGNERS = ['gateway', 'agreements', 'tasking', 'approvals'];
const actorKeys = {};

/**
 * Passwords of each schema's owner and service roles (ADR 0015), generated
 * once into the git-ignored data folder; a schema added later gets its
 * passwords on the next start.
 */
function databaseRolePasswords() {
  const file = join(dataDir, 'database-roles.json');
  const kept = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const passwords = { ...generateRolePasswords(), ...kept };
  if (Object.keys(passwords).length !== Object.keys(kept).length) {
    writeFileSync(file, JSON.stringify(passwords, null, 2), { mode: 0o600 });
    log(`Generated the database roles' passwords in ${file}`);
  }
  return passwords;
}

/** Ready = the gateway says every dependency is up and no service is waiting to be restarted. */
async function waitReady(url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline && !stopping) {
    try {
      const r = await fetch(url);
      if (r.ok && supervisor.allRunning()) return;
      last = await r.text();
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (stopping) return;
  const crashed = supervisor.crashed();
  throw new Error(
    `Not ready after ${timeoutMs / 1000} s: ${last}${crashed.length ? `\n  crashed: ${crashed.join(', ')}` : ''}`,
  );
}

/** Each service connects to PostgreSQL as its own role (ADR 0015). */
const serviceDatabaseUrls = {};
/** Each process's NATS identity (bus-permissions.ts): its own seed, from the data folder or `<NAME>_NATS_NKEY_SEED`. */
const natsSeeds = {};

function startService(name, script) {
  const seed = natsSeeds[name] ?? env[`${name.toUpperCase()}_NATS_NKEY_SEED`];
  // Each process holds only its own audit signing key (the gateway none: it verifies with the public keys).
  const base = Object.fromEntries(
    Object.entries(env).filter(
      ([k]) => !k.startsWith('CONCORD_AUDIT_KEY_') || k === `CONCORD_AUDIT_KEY_${name.toUpperCase()}`,
    ),
  );
  const own = {
    ...(serviceDatabaseUrls[name] ? { DATABASE_URL: serviceDatabaseUrls[name] } : {}),
    ...(seed ? { NATS_NKEY_SEED: seed } : {}),
    ...(actorKeys[name] ? { CONCORD_ACTOR_KEY: actorKeys[name] } : {}),
  };
  supervisor.start({
    name,
    command: process.execPath,
    args: ['--enable-source-maps', join(root, script)],
    env: { ...base, ...own },
  });
}

async function start() {
  try {
    lock = await LauncherLock.acquire(dataDir, log);
  } catch (error) {
    if (!(error instanceof LauncherLockedError)) throw error;
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  }
  watchdog = startWatchdog(lock, join(root, 'packages/launcher/dist/watchdog-main.js'));
  if (stopping) return;

  const secrets = localSecrets();
  env.CONCORD_PII_KEY ??= secrets.piiKey;
  env.CONCORD_DEV_AUTH_SECRET ??= secrets.devAuthSecret;
  for (const service of AUDITED_SERVICES) {
    const name = service.toUpperCase();
    env[`CONCORD_AUDIT_KEY_${name}`] ??= secrets.auditKeys[service];
    env[`CONCORD_AUDIT_PUBLIC_KEY_${name}`] ??= auditSigningKey(env[`CONCORD_AUDIT_KEY_${name}`]).publicKeyBase64;
  }
  for (const name of ACTOR_SIGNERS) actorKeys[name] = env[`${name.toUpperCase()}_ACTOR_KEY`] ?? secrets.actorKeys[name];
  env.CONCORD_ACTOR_ISSUERS ??= formatActorIssuers(
    Object.fromEntries(ACTOR_SIGNERS.map((name) => [name, actorPublicKeyOf(actorKeys[name])])),
  );
  const pgPort = Number(env.CONCORD_PG_PORT ?? 54329);
  const natsPort = Number(env.CONCORD_NATS_PORT ?? 14222);
  await ensurePortsFree([
    ...(env.DATABASE_URL ? [] : [{ port: pgPort, host: '127.0.0.1', variable: 'CONCORD_PG_PORT' }]),
    ...(env.NATS_URL ? [] : [{ port: natsPort, host: '127.0.0.1', variable: 'CONCORD_NATS_PORT' }]),
    { port: Number(env.PORT), host: env.HOST, variable: 'PORT' },
  ]);
  if (stopping) return;

  if (!env.DATABASE_URL) {
    log(`Starting embedded PostgreSQL on 127.0.0.1:${pgPort} (data in ${join(dataDir, 'postgres')})`);
    const pg = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: pgPort,
      persistent: true,
      onLog: (line) => (line.includes('cluster is kept in') ? log(line) : undefined),
      onSpawn: (pid) => lock.record({ name: 'postgres', pid, stopSignal: 'SIGINT', group: false, order: 2 }),
    });
    stops.push(() => pg.stop());
    if (stopping) return;
    env.DATABASE_URL = await ensureDatabase(pg.url, 'concord');
  } else {
    log("Using PostgreSQL at DATABASE_URL (as the administrator that creates the services' roles)");
  }
  // Roles and schemas, then each schema's migrations as its owner; the services connect as their own roles.
  Object.assign(
    serviceDatabaseUrls,
    await prepareServiceDatabases({
      adminUrl: env.DATABASE_URL,
      root,
      passwords: databaseRolePasswords(),
      setPasswords: true,
      log,
    }),
  );
  if (stopping) return;

  if (!env.NATS_URL) {
    log(`Starting nats-server with JetStream on 127.0.0.1:${natsPort} (data in ${join(dataDir, 'nats')})`);
    // Every process connects with its own NKey and may use only its own subjects (packages/messaging/src/bus-permissions.ts).
    Object.assign(natsSeeds, ensureBusSeeds(join(dataDir, 'nats-identities.json'), log));
    const configFile = writeNatsServerConfig(
      join(dataDir, 'nats-server.conf'),
      join(root, 'infra/nats/nats-server.conf'),
      natsSeeds,
      env.CONCORD_ENV,
    );
    const nats = await startNatsServer({
      port: natsPort,
      storeDir: join(dataDir, 'nats'),
      configFile,
      log,
      onSpawn: (pid) => lock.record({ name: 'nats', pid, stopSignal: 'SIGTERM', group: false, order: 1 }),
    });
    stops.push(() => nats.stop());
    if (stopping) return;
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
  // The whole system, not one gateway's readiness: PostgreSQL, NATS and every service answer.
  await waitReady(`${base}/health/system`);
  if (stopping) return;
  await seedDemoData(base, log);
  await waitReady(`${base}/health/system`);
  if (stopping) return;

  // The gateway serves the admin portal when it is built (npm start builds it).
  const portal = existsSync(join(root, 'apps/portal/dist/index.html'))
    ? `${base}/portal/`
    : 'not built (npm run build)';
  console.log(`
  Concord is running (namespace "${env.CONCORD_ENV}", launcher PID ${process.pid}, data in ${dataDir}).
    Portal          ${portal}
    API             ${base}/v1
    API docs        ${base}/docs   (OpenAPI: ${base}/openapi.json)
    Readiness       ${base}/health/ready   (this gateway; every service: ${base}/health/system)
  Try it:
    TOKEN=$(curl -s -X POST ${base}/v1/auth/dev-token -H 'content-type: application/json' -d '{"username":"registrar@mcst"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
    curl -s "${base}/v1/creators?q=lan%20anh%20travl" -H "authorization: Bearer $TOKEN"
  A service that crashes is restarted. Ctrl-C stops everything.
`);
}

const startup = start();
startup.catch(async (error) => {
  console.error(`\n✗ ${error.message}`);
  await stopAll(1);
});
