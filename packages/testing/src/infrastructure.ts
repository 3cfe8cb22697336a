import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import {
  ensureDatabase,
  freePort,
  provisionServiceSchema,
  SERVICE_SCHEMAS,
  startEmbeddedPostgres,
  type ProvisionedSchema,
} from '@concord/database';
import type { NodeConnectionOptions } from '@nats-io/transport-node';
import {
  BUS_IDENTITIES,
  busAuthorizationConfig,
  createBusNkey,
  natsOptions,
  type BusIdentity,
} from '@concord/messaging';
import { startNatsServer, type RunningNats } from '@concord/local-servers';

/** The same nats-server settings as `npm start` (JetStream on, 8 MB messages for documents), found from the working folder up. */
function natsConfig(): string | undefined {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, 'infra/nats/nats-server.conf');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Who a test connects to NATS as: a bus identity (a test that plays the
 * gateway is `gateway`; a service under test gets its own), or `harness`,
 * the tests' own identity, which may publish and subscribe to anything (it
 * reads every event, and publishes other services' events as their relays
 * would). `harness` exists only on the tests' nats-server.
 */
export type TestNatsIdentity = BusIdentity | 'harness';

export interface TestInfrastructure {
  databaseUrl: string;
  natsUrl: string;
  /** The NKey seed of each identity (empty when NATS_URL was given: the tests then connect as that server allows). */
  natsSeeds: Partial<Record<TestNatsIdentity, string>>;
  /** The nats-server configuration, authorization included, for tests that start a nats-server of their own. */
  natsConfigFile: string | undefined;
  stop(): Promise<void>;
}

/**
 * Writes a nats-server configuration with authentication: `npm start`'s
 * settings and the bus's permission table for every environment, with a
 * fresh NKey per identity. Returns its path and the seeds.
 */
export function writeTestNatsConfig(dir: string): { file: string; seeds: Record<TestNatsIdentity, string> } {
  const seeds = {} as Record<TestNatsIdentity, string>;
  const keys: Record<string, string> = {};
  for (const identity of BUS_IDENTITIES) {
    const pair = createBusNkey();
    seeds[identity] = pair.seed;
    keys[identity] = pair.publicKey;
  }
  const harness = createBusNkey();
  seeds.harness = harness.seed;
  const base = natsConfig();
  const file = join(dir, 'nats-server.conf');
  writeFileSync(
    file,
    `${base ? readFileSync(base, 'utf8') : ''}\n${busAuthorizationConfig(keys, '*', [
      {
        comment: 'harness: the tests themselves',
        nkey: harness.publicKey,
        permissions: { publish: ['>'], subscribe: ['>'], allowResponses: true },
      },
    ])}`,
    { mode: 0o600 },
  );
  return { file, seeds };
}

/**
 * The real PostgreSQL and NATS a test run uses: `DATABASE_URL` / `NATS_URL`
 * when given, otherwise a throwaway embedded PostgreSQL and nats-server on
 * free ports, removed afterwards. Two runs on one machine never collide.
 */
export async function startTestInfrastructure(env: NodeJS.ProcessEnv = process.env): Promise<TestInfrastructure> {
  const root = mkdtempSync(join(tmpdir(), 'concord-test-'));
  // As root, embedded PostgreSQL runs as the `postgres` user, which must reach its data folder.
  chmodSync(root, 0o755);
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = env.DATABASE_URL;
  let natsUrl = env.NATS_URL;
  const nats = natsUrl ? null : writeTestNatsConfig(root);
  try {
    // Each server's stop is registered as soon as it runs, so a failure of the other leaks nothing.
    await Promise.all([
      databaseUrl
        ? null
        : freePort()
            .then((port) => startEmbeddedPostgres({ dataDir: join(root, 'pg'), port, persistent: false, fast: true }))
            .then((pg) => {
              stops.push(() => pg.stop());
              databaseUrl = pg.url;
            }),
      natsUrl
        ? null
        : freePort()
            .then((port) => startNatsServer({ port, storeDir: join(root, 'nats'), configFile: nats!.file }))
            .then((nats) => {
              stops.push(() => nats.stop());
              natsUrl = nats.url;
            }),
    ]);
  } catch (error) {
    await Promise.all(stops.map((s) => s().catch(() => undefined)));
    throw error;
  }
  return {
    databaseUrl: databaseUrl!,
    natsUrl: natsUrl!,
    natsSeeds: nats?.seeds ?? {},
    natsConfigFile: nats?.file,
    stop: async () => {
      await Promise.all(stops.map((s) => s().catch(() => undefined)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A fresh database for one test file, on the run's server. */
export async function createTestDatabase(serverUrl: string): Promise<string> {
  return ensureDatabase(serverUrl, `t_${randomBytes(6).toString('hex')}`);
}

export interface ServiceTestDatabase {
  /** The database as the server's administrator: for tests that look behind the services' backs. */
  adminUrl: string;
  /** Each schema's roles and URLs (owner for migrations, service for the service). */
  schemas: Record<string, ProvisionedSchema>;
  /** Runs `migrate` (e.g. migrateRegistryDatabase) as the schema's owner and returns the URL the service connects with. */
  serviceUrl(schema: string, migrate: (ownerUrl: string) => Promise<unknown>): Promise<string>;
}

/**
 * Passwords of the test roles on one server: derived from its admin URL, so
 * every test file of a run (and every run on that server) agrees without
 * resetting them under another's feet, and nobody without the admin URL
 * can work them out.
 */
function testRolePasswords(serverUrl: string, schema: string) {
  const server = new URL(serverUrl);
  server.pathname = '/';
  const derive = (kind: string) =>
    createHash('sha256')
      .update(`concord-test-role\0${server.toString()}\0${schema}\0${kind}`)
      .digest('hex')
      .slice(0, 32);
  return { owner: derive('owner'), service: derive('service') };
}

/**
 * A fresh database for one test file with every service's roles (ADR 0015):
 * schemas owned by their owner roles; services connect as their own roles
 * once their migrations have run as the owner.
 */
export async function createServiceTestDatabase(serverUrl: string): Promise<ServiceTestDatabase> {
  const adminUrl = await createTestDatabase(serverUrl);
  const schemas: Record<string, ProvisionedSchema> = {};
  for (const { schema, extensions } of SERVICE_SCHEMAS) {
    schemas[schema] = await provisionServiceSchema(adminUrl, {
      schema,
      extensions,
      passwords: testRolePasswords(serverUrl, schema),
      setPasswords: false,
    });
  }
  return {
    adminUrl,
    schemas,
    serviceUrl: async (schema, migrate) => {
      const provisioned = schemas[schema];
      if (!provisioned) throw new Error(`No schema ${schema} in ${SERVICE_SCHEMAS.map((s) => s.schema).join(', ')}`);
      await migrate(provisioned.ownerUrl);
      return provisioned.serviceUrl;
    },
  };
}

/**
 * What one test file starts its services on: a fresh namespace (`env`), the run's nats-server (`natsUrl`) and a fresh
 * database with every service's roles.
 */
export async function freshTestSystem(): Promise<{ env: string; natsUrl: string; database: ServiceTestDatabase }> {
  const urls = testUrls();
  return { env: testEnvName(), natsUrl: urls.natsUrl, database: await createServiceTestDatabase(urls.databaseUrl) };
}

/** A fresh namespace (`CONCORD_ENV`) for one test file. */
export function testEnvName(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** What the global setup shares with test files. */
export function testUrls(): { databaseUrl: string; natsUrl: string } {
  const databaseUrl = process.env.CONCORD_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const natsUrl = process.env.CONCORD_TEST_NATS_URL ?? process.env.NATS_URL;
  if (!databaseUrl || !natsUrl) {
    throw new Error(
      'No test infrastructure: run tests through `npm test` (jest globalSetup starts PostgreSQL and NATS)',
    );
  }
  return { databaseUrl, natsUrl };
}

function testNatsSeeds(): Partial<Record<TestNatsIdentity, string>> {
  const given = process.env.CONCORD_TEST_NATS_SEEDS;
  return given ? (JSON.parse(given) as Partial<Record<TestNatsIdentity, string>>) : {};
}

/**
 * Connection options for `identity` on the run's nats-server (or on `natsUrl`,
 * one a test started itself with `startTestNatsServer`): for `connectNats` and
 * `ServiceClient`.
 */
export function testNats(identity: TestNatsIdentity, natsUrl = testUrls().natsUrl): NodeConnectionOptions {
  return natsOptions(identity, { NATS_URL: natsUrl, NATS_NKEY_SEED: testNatsSeeds()[identity] });
}

/** A service's NATS variables in tests (`NATS_URL`, `NATS_NKEY_SEED`), to spread into its configuration. */
export function testNatsConfig(
  identity: BusIdentity,
  natsUrl = testUrls().natsUrl,
): { NATS_URL: string; NATS_NKEY_SEED?: string } {
  const seed = testNatsSeeds()[identity];
  return { NATS_URL: natsUrl, ...(seed ? { NATS_NKEY_SEED: seed } : {}) };
}

/** A nats-server of a test's own (to stop and restart it), with the run's configuration and identities. */
export function startTestNatsServer(options: { port: number; storeDir: string }): Promise<RunningNats> {
  return startNatsServer({ ...options, configFile: process.env.CONCORD_TEST_NATS_CONFIG ?? natsConfig() });
}
