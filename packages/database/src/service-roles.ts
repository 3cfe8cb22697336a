import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Who may do what in PostgreSQL (ADR 0015). Each service's schema is owned
 * by an owner role that runs its migrations; the service connects as its
 * own role, which owns nothing and may only read and write the schema's
 * rows, and only read and append to its `audit_*` tables.
 */
export interface ServiceRoleNames {
  /** Owns the schema and every object in it; runs the migrations. */
  owner: string;
  /** What the service connects as at runtime. */
  service: string;
}

/** Every schema a Concord process owns, and the extensions (in `public`) its migrations use. */
export const SERVICE_SCHEMAS: readonly { schema: string; extensions: readonly string[] }[] = [
  { schema: 'registry', extensions: ['pg_trgm', 'fuzzystrmatch'] },
  { schema: 'agreements', extensions: [] },
  { schema: 'tasking', extensions: [] },
  { schema: 'approvals', extensions: [] },
  { schema: 'gateway', extensions: [] },
];

/** Tables whose name starts with this are append-only for the service: SELECT and INSERT, nothing else. */
export const APPEND_ONLY_PREFIX = 'audit_';

/** `concord_<schema>_owner` and `concord_<schema>`. */
export function serviceRoleNames(schema: string): ServiceRoleNames {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name ${schema}`);
  return { owner: `concord_${schema}_owner`, service: `concord_${schema}` };
}

export interface ServiceRolePasswords {
  owner: string;
  service: string;
}

/** Fresh passwords for the roles of every schema (`npm start` keeps them in the data folder). */
export function generateRolePasswords(): Record<string, ServiceRolePasswords> {
  return Object.fromEntries(
    SERVICE_SCHEMAS.map(({ schema }) => [
      schema,
      { owner: randomBytes(24).toString('hex'), service: randomBytes(24).toString('hex') },
    ]),
  );
}

/** `url` with another user and password (same host, port and database). */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const id = pg.escapeIdentifier;
const literal = pg.escapeLiteral;

/** SQLSTATEs of two sessions creating or altering the same role at once: the other one won, which is as good. */
const RACED = new Set(['42710', '23505', 'XX000']);

/**
 * Makes sure the login role `name` exists with `password`. Roles are
 * cluster-wide: with `setPassword` false an existing role keeps its
 * password (tests on one server share roles across databases).
 */
async function ensureLoginRole(client: pg.Client, name: string, password: string, setPassword: boolean): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`;
  try {
    if (found.rowCount === 0) await client.query(`CREATE ROLE ${id(name)} ${attributes}`);
    else if (setPassword) await client.query(`ALTER ROLE ${id(name)} ${attributes}`);
  } catch (error) {
    if (!RACED.has((error as { code?: string }).code ?? '')) throw error;
  }
}

/**
 * Gives every object in `schema` (tables with their indexes and owned
 * sequences, other sequences, views, functions) to `owner`. A database made
 * before ADR 0015 has them all owned by the admin that ran the migrations.
 */
async function reassignSchemaObjects(client: pg.Client, schema: string, owner: string): Promise<number> {
  const stale = (sql: string) =>
    client.query<{ stmt: string }>(sql, [schema, owner]).then((r) => r.rows.map((row) => row.stmt));
  const relations = await stale(`
    SELECT format('ALTER %s %I.%I OWNER TO %I',
             CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
             n.nspname, c.relname, $2::text) AS stmt
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> $2`);
  for (const stmt of relations) await client.query(stmt);
  // Sequences that belong to a column moved with their table; the rest move here.
  const sequences = await stale(`
    SELECT format('ALTER SEQUENCE %I.%I OWNER TO %I', n.nspname, c.relname, $2::text) AS stmt
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> $2`);
  for (const stmt of sequences) await client.query(stmt);
  const routines = await stale(`
    SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $2::text) AS stmt
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`);
  for (const stmt of routines) await client.query(stmt);
  return relations.length + sequences.length + routines.length;
}

export interface ProvisionedSchema {
  schema: string;
  roles: ServiceRoleNames;
  /** For the migration step (`node apps/<service>/dist/migrate.js`). */
  ownerUrl: string;
  /** The service's `DATABASE_URL`. */
  serviceUrl: string;
  /** Objects whose ownership moved to the owner (a database from before ADR 0015). */
  reassigned: number;
}

export interface ProvisionOptions {
  schema: string;
  passwords: ServiceRolePasswords;
  /** Extensions the schema's migrations use, created in `public` (they need more than the owner has). */
  extensions?: readonly string[];
  /** Set the passwords of roles that exist already (npm start); tests share roles and leave them. */
  setPasswords?: boolean;
}

/**
 * As an administrator of the database `adminUrl` points at (a superuser, or
 * on managed PostgreSQL a role with CREATEROLE): creates the schema's owner
 * and service roles, the schema owned by the owner, the extensions its
 * migrations use, and hands over whatever an older start left owned by
 * someone else. The service role gets only CONNECT here; its rights on the
 * tables come with the migrations ({@link grantServiceAccess}).
 */
export async function provisionServiceSchema(adminUrl: string, options: ProvisionOptions): Promise<ProvisionedSchema> {
  const roles = serviceRoleNames(options.schema);
  const reassigned = await withClient(adminUrl, async (client) => {
    await ensureLoginRole(client, roles.owner, options.passwords.owner, options.setPasswords ?? true);
    await ensureLoginRole(client, roles.service, options.passwords.service, options.setPasswords ?? true);
    const [{ rolsuper, db }] = (
      await client.query<{ rolsuper: boolean; db: string }>(
        'SELECT rolsuper, current_database() AS db FROM pg_roles WHERE rolname = current_user',
      )
    ).rows;
    // CREATE SCHEMA … AUTHORIZATION and ALTER … OWNER TO need a non-superuser to be a member of the owner role.
    if (!rolsuper) await client.query(`GRANT ${id(roles.owner)} TO CURRENT_USER`);
    await client.query(`GRANT CONNECT ON DATABASE ${id(db)} TO ${id(roles.owner)}, ${id(roles.service)}`);
    // PostgreSQL < 15 lets everyone create tables in public; nobody here needs to.
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC').catch((error: { code?: string }) => {
      if (error.code !== '42501') throw error; // not the owner of public: the runbook asks its owner to do it
    });
    for (const extension of options.extensions ?? []) {
      await client
        .query(`CREATE EXTENSION IF NOT EXISTS ${id(extension)} WITH SCHEMA public`)
        .catch((error: { code?: string }) => {
          if (!RACED.has(error.code ?? '')) throw error;
        });
    }
    await client
      .query(`CREATE SCHEMA IF NOT EXISTS ${id(options.schema)} AUTHORIZATION ${id(roles.owner)}`)
      .catch((error: { code?: string }) => {
        if (!RACED.has(error.code ?? '')) throw error;
      });
    await client.query(`ALTER SCHEMA ${id(options.schema)} OWNER TO ${id(roles.owner)}`);
    return reassignSchemaObjects(client, options.schema, roles.owner);
  });
  return {
    schema: options.schema,
    roles,
    ownerUrl: urlAs(adminUrl, roles.owner, options.passwords.owner),
    serviceUrl: urlAs(adminUrl, roles.service, options.passwords.service),
    reassigned,
  };
}

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Run by the owner after the migrations, so tables added by any migration
 * are covered: the service may use the schema, read and write rows of its
 * tables and use their sequences, but only read and append to `audit_*`
 * tables and only read the migration history. It owns nothing, so it cannot
 * change a table, disable a trigger or truncate.
 */
export async function grantServiceAccess(db: Queryable, schema: string, serviceRole: string): Promise<void> {
  const s = id(schema);
  const role = id(serviceRole);
  await db.query(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
  await db.query(`REVOKE CREATE ON SCHEMA ${s} FROM ${role}`);
  const tables = (await db.query('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename', [
    schema,
  ])) as { tablename: string }[];
  for (const { tablename } of tables) {
    const table = `${s}.${id(tablename)}`;
    await db.query(`REVOKE ALL ON ${table} FROM ${role}`);
    if (tablename === 'migrations') await db.query(`GRANT SELECT ON ${table} TO ${role}`);
    else if (tablename.startsWith(APPEND_ONLY_PREFIX)) await db.query(`GRANT SELECT, INSERT ON ${table} TO ${role}`);
    else await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${role}`);
  }
  await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`);
}

/**
 * The migration step, as the schema's owner: makes sure the schema exists,
 * applies pending migrations (each in its own transaction), then grants the
 * service role its rights on whatever the migrations made.
 */
export async function migrateServiceDatabase(dataSource: DataSource, serviceRole: string): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('The data source names no schema');
  await dataSource.initialize();
  try {
    const [found] = await dataSource.query<{ ok: number }[]>('SELECT 1 AS ok FROM pg_namespace WHERE nspname = $1', [
      schema,
    ]);
    if (!found) await dataSource.query(`CREATE SCHEMA ${id(schema)}`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    // In one transaction: a service already running never sees its rights half revoked.
    await dataSource.transaction((manager) => grantServiceAccess(manager, schema, serviceRole));
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The service's migrations the database has not had yet (read as the service: it may only read the history). */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema!;
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  // Before its first migration step the service may not even look into the schema.
  const [usable] = await dataSource.query<{ ok: number }[]>(
    `SELECT 1 AS ok FROM pg_namespace n WHERE n.nspname = $1 AND has_schema_privilege(n.oid, 'USAGE')`,
    [schema],
  );
  const [table] = usable
    ? await dataSource.query<{ t: string | null }[]>('SELECT to_regclass($1) AS t', [`${id(schema)}.migrations`])
    : [];
  if (!table?.t) return known;
  const done = new Set(
    (await dataSource.query<{ name: string }[]>(`SELECT name FROM ${id(schema)}.migrations`)).map((r) => r.name),
  );
  return known.filter((name) => !done.has(name));
}

export class MigrationsPendingError extends Error {
  constructor(schema: string, pending: string[]) {
    super(
      `The database schema "${schema}" lacks ${pending.length} migration(s) (${pending.join(', ')}). ` +
        `Run the migration step as the schema's owner first: MIGRATION_DATABASE_URL=… node apps/<service>/dist/migrate.js ` +
        '(npm start does it for you; see docs/runbooks/database-roles.md).',
    );
    this.name = 'MigrationsPendingError';
  }
}

/** How long a starting service keeps trying to reach PostgreSQL before it gives up (and its supervisor restarts it). */
export interface ConnectRetry {
  attempts: number;
  /** The wait after the first failed attempt; each later wait is one more of these. */
  delayMs: number;
}

/**
 * How a service opens its database at runtime: it connects as its own role,
 * which cannot migrate, so it only checks that the migration step has run
 * and refuses to start, saying what to run, when it has not. A server that
 * does not answer yet (starting, failing over, or slow to take a connection
 * on a loaded host) is tried again a few times; a refusal that another try
 * cannot change (a wrong password, a missing database) fails at once.
 */
export async function connectServiceDatabase(
  dataSource: DataSource,
  retry: ConnectRetry = { attempts: 5, delayMs: 500 },
): Promise<DataSource> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.initialize();
      break;
    } catch (error) {
      if (attempt >= retry.attempts || !isUnreachable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, retry.delayMs * attempt));
    }
  }
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) {
    await dataSource.destroy();
    throw new MigrationsPendingError((dataSource.options as { schema?: string }).schema ?? '?', pending);
  }
  return dataSource;
}

/**
 * The body of each service's `migrate.js`: reads MIGRATION_DATABASE_URL (the
 * owner's URL) and DATABASE_SERVICE_ROLE (default `concord_<schema>`),
 * migrates, grants, and says what it did.
 */
export async function runMigrationStep(
  schema: string,
  createDataSource: (url: string) => DataSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const url = env.MIGRATION_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\/.+/.test(url)) {
    throw new Error(
      'MIGRATION_DATABASE_URL: a PostgreSQL URL of the schema owner, such as postgres://concord_registry_owner:…@host:5432/concord',
    );
  }
  const serviceRole = env.DATABASE_SERVICE_ROLE || serviceRoleNames(schema).service;
  const applied = await migrateServiceDatabase(createDataSource(url), serviceRole);
  console.log(
    `${schema}: ${applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations'}; ${serviceRole} may read and write its tables, only append to ${APPEND_ONLY_PREFIX}* tables`,
  );
}

/** A failure to reach the server at all (nothing listening, no answer in time, the connection cut), as opposed to a refusal. */
function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e?.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '57P03'].includes(e.code)) return true;
  return /timeout|Connection terminated/i.test(e?.message ?? '');
}
