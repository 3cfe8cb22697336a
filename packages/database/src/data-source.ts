import pg from 'pg';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { postgresConnection } from './primary-host';
import { CLIENT_GRACE_MS, DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from './timeouts';

export interface ServiceDatabaseOptions {
  url: string;
  /** The schema this service owns, e.g. `registry`. */
  schema: string;
  // TypeORM's own types for entity classes and migrations.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  applicationName: string;
  poolSize?: number;
  /** Statement, lock and pool-acquire timeouts (DEFAULT_DATABASE_TIMEOUTS when not given). */
  timeouts?: DatabaseTimeouts;
  /** Extra `-c name=value` settings for every connection. */
  settings?: Record<string, string | number>;
}

/**
 * node-postgres's client, always with an `error` listener of its own. The
 * pool listens to its idle clients and TypeORM to those it holds, but a
 * server that goes away (a killed primary, `pg_terminate_backend`) can
 * reach a client in between, and an `error` event nobody listens to ends
 * the process. The error still fails the client's queries and reaches the
 * pool and TypeORM, which drop the client; this listener only keeps a
 * stray one from crashing a service in the middle of a failover.
 */
export class SurvivingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * A TypeORM DataSource bound to one service's schema: entities without an
 * explicit schema land there, raw SQL resolves there first (search_path),
 * and migrations are recorded there. Never `synchronize`. Nothing waits for
 * ever: PostgreSQL cancels statements and lock waits past their timeouts,
 * the client gives up on a server that does not answer at all, and waiting
 * for a connection is bounded. A URL with several hosts and
 * `target_session_attrs=read-write` follows the primary (primary-host.ts).
 */
export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  const timeouts = options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS;
  const settings = {
    search_path: `${options.schema},public`,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    ...options.settings,
  };
  // Several hosts (a primary and its replicas): every new connection goes to the current primary.
  const connection = postgresConnection(options.url);
  return new DataSource({
    type: 'postgres',
    url: connection.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    applicationName: options.applicationName,
    extra: {
      ...(connection.stream ? { stream: connection.stream } : {}),
      Client: SurvivingClient,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: timeouts.acquireMs,
      query_timeout: timeouts.statementMs + CLIENT_GRACE_MS,
      options: Object.entries(settings)
        .map(([k, v]) => `-c ${k}=${v}`)
        .join(' '),
    },
  });
}

/**
 * Connects, makes sure the schema exists and applies pending migrations, as
 * whoever the URL names: tests that exercise repositories directly use it as
 * the administrator. Services connect with `connectServiceDatabase` and are
 * migrated by their owner role's migration step (ADR 0015, service-roles.ts).
 */
export async function openServiceDatabase(dataSource: DataSource): Promise<DataSource> {
  await dataSource.initialize();
  const schema = (dataSource.options as { schema?: string }).schema;
  if (schema) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** Makes sure a database exists on the server `url` points at (CREATE DATABASE cannot run in a transaction). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name ${name}`);
  const { Client } = await import('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** PostgreSQL bigint (sums of đồng, follower totals, sequence numbers) as a JS number; all fit below 2^53. */
export const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? v : Number(v)) };
