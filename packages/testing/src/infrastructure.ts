import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { ensureDatabase, provisionServiceSchema, SERVICE_SCHEMAS, startEmbeddedPostgres, type ProvisionedSchema } from '@concord/database';
import { startNatsServer } from '@concord/messaging';
import { freePort } from './free-port';

/** The same nats-server settings as `npm start` (JetStream on, 8 MB messages for documents), found from the working folder up. */
function natsConfig(): string | undefined {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, 'infra/nats/nats-server.conf');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export interface TestInfrastructure {
  databaseUrl: string;
  natsUrl: string;
  stop(): Promise<void>;
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
            .then((port) => startNatsServer({ port, storeDir: join(root, 'nats'), configFile: natsConfig() }))
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
  const derive = (kind: string) => createHash('sha256').update(`concord-test-role\0${server.toString()}\0${schema}\0${kind}`).digest('hex').slice(0, 32);
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
    schemas[schema] = await provisionServiceSchema(adminUrl, { schema, extensions, passwords: testRolePasswords(serverUrl, schema), setPasswords: false });
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

/** A fresh namespace (`CONCORD_ENV`) for one test file. */
export function testEnvName(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** What the global setup shares with test files. */
export function testUrls(): { databaseUrl: string; natsUrl: string } {
  const databaseUrl = process.env.CONCORD_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const natsUrl = process.env.CONCORD_TEST_NATS_URL ?? process.env.NATS_URL;
  if (!databaseUrl || !natsUrl) {
    throw new Error('No test infrastructure: run tests through `npm test` (jest globalSetup starts PostgreSQL and NATS)');
  }
  return { databaseUrl, natsUrl };
}
