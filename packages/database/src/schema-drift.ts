import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { ensureDatabase } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import { freePort } from './free-port';
import {
  generateRolePasswords,
  migrateServiceDatabase,
  provisionServiceSchema,
  SERVICE_SCHEMAS,
  serviceRoleNames,
} from './service-roles';

export interface SchemaDrift {
  /** What would make the database match the entities, in order. Empty when they agree. */
  up: string[];
  /** What would undo `up`, in order. */
  down: string[];
}

/** A service's schema as the generator and the drift check need it. */
export interface ServiceSchema {
  /** The service's schema, e.g. `registry`. */
  schema: string;
  /** The service's DataSource for a URL (e.g. createRegistryDataSource). */
  dataSourceFor: (url: string) => DataSource;
  /** The service's migration step as the owner (e.g. migrateRegistryDatabase). */
  migrate: (ownerUrl: string) => Promise<unknown>;
}

/** A service's schema and its migration step, from the schema's name and the service's DataSource factory. */
export interface MigratableSchema extends ServiceSchema {
  /** As the owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
  migrate: (ownerUrl: string, serviceRole?: string) => Promise<string[]>;
}

export function serviceSchema(
  schema: string,
  createDataSource: (url: string, poolSize: number) => DataSource,
): MigratableSchema {
  return {
    schema,
    dataSourceFor: (url) => createDataSource(url, 1),
    migrate: (ownerUrl, serviceRole = serviceRoleNames(schema).service) =>
      migrateServiceDatabase(createDataSource(ownerUrl, 1), serviceRole),
  };
}

/**
 * What TypeORM's schema builder would run to make the service's database at `ownerUrl` (every migration run; the
 * schema's owner connects) match the entities: nothing, when entities and migrations agree. Runs nothing.
 */
export async function schemaDrift(service: ServiceSchema, ownerUrl: string): Promise<SchemaDrift> {
  const dataSource = service.dataSourceFor(ownerUrl);
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((query) => query.query),
      // TypeORM lists the down queries in the order they were made; undoing runs them backwards.
      down: sql.downQueries.map((query) => query.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

export interface GenerateMigrationOptions extends ServiceSchema {
  /** The migration's name in PascalCase, e.g. `CreatorNotes`. */
  name: string;
  /** Where the service's migration files are (`src/database/migrations`). */
  migrationsDir: string;
  /** The migration's timestamp; defaults to the newest of `migrationsDir` plus one (each service numbers its own). */
  timestamp?: number;
  log?: (line: string) => void;
}

/**
 * Migrates a scratch database with every migration the service has, asks the schema builder what is left to make it
 * match the entities, and writes that as a migration class for the developer to review and register in the service's
 * data source. Returns the file written, or null when entities and migrations already agree.
 */
export async function generateMigration(options: GenerateMigrationOptions): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(options.name))
    throw new Error(`The migration's name must be PascalCase: ${options.name}`);
  const log = options.log ?? (() => undefined);
  // A throwaway cluster of its own, never the developer's: roles are cluster-wide, and provisioning sets their passwords.
  const root = mkdtempSync(join(tmpdir(), 'concord-migration-'));
  // As root, embedded PostgreSQL runs as the `postgres` user, which must reach its data folder.
  chmodSync(root, 0o755);
  log('starting a scratch PostgreSQL');
  const pg = await startEmbeddedPostgres({
    dataDir: join(root, 'pg'),
    port: await freePort(),
    persistent: false,
    fast: true,
  });
  try {
    const adminUrl = await ensureDatabase(pg.url, 'scratch');
    const schema = SERVICE_SCHEMAS.find((s) => s.schema === options.schema);
    if (!schema) throw new Error(`No schema ${options.schema} in ${SERVICE_SCHEMAS.map((s) => s.schema).join(', ')}`);
    const provisioned = await provisionServiceSchema(adminUrl, {
      schema: schema.schema,
      extensions: schema.extensions,
      passwords: generateRolePasswords()[schema.schema],
    });
    log(`running ${options.schema}'s migrations on a scratch database`);
    await options.migrate(provisioned.ownerUrl);
    const drift = await schemaDrift(options, provisioned.ownerUrl);
    if (drift.up.length === 0) return null;
    const timestamp = options.timestamp ?? nextTimestamp(options.migrationsDir);
    const file = join(options.migrationsDir, `${timestamp}-${options.name}.ts`);
    if (existsSync(file)) throw new Error(`${file} exists`);
    writeFileSync(file, renderMigration(`${options.name}${timestamp}`, drift));
    return file;
  } finally {
    await pg.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The newest migration's timestamp in `dir` (`<timestamp>-<Name>.ts`) plus one. */
export function nextTimestamp(dir: string): number {
  const timestamps = readdirSync(dir)
    .map((file) => /^(\d+)-[A-Za-z0-9]+\.ts$/.exec(file)?.[1])
    .filter((found): found is string => found !== undefined)
    .map(Number);
  return timestamps.length ? Math.max(...timestamps) + 1 : Date.now();
}

/** A statement as a string literal the way the hand-written migrations quote it (prettier's single quotes). */
function literal(statement: string): string {
  const text = statement.trim();
  if (!text.includes("'") && !text.includes('\n')) return `'${text.replace(/\\/g, '\\\\')}'`;
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/** A migration class in the style of the hand-written ones: one `db.query` per statement. */
export function renderMigration(className: string, drift: SchemaDrift): string {
  const statements = (queries: string[]) => queries.map((query) => `    await db.query(${literal(query)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities (generate-migration). Review it, say here what it is for, and register it in the
 * service's data source.
 */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(db: QueryRunner): Promise<void> {
${statements(drift.up)}
  }

  async down(db: QueryRunner): Promise<void> {
${statements(drift.down)}
  }
}
`;
}

/**
 * The body of each service's `generate-migration.js` (`npm run migration:generate -w apps/<service> -- <Name>
 * [timestamp]`, README "Migrations"): reads the name from the command line, writes the migration into the service's
 * `src/database/migrations/` and says what to do with it.
 */
export function runMigrationGenerator(service: ServiceSchema, serviceDir: string, argv = process.argv.slice(2)): void {
  const [name, timestamp] = argv;
  const usage = `npm run migration:generate -w apps/${service.schema} -- <Name> [timestamp]`;
  if (!name) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  generateMigration({
    ...service,
    name,
    timestamp: timestamp ? Number(timestamp) : undefined,
    migrationsDir: join(serviceDir, 'src', 'database', 'migrations'),
    log: (line) => console.log(line),
  }).then(
    (file) => {
      console.log(
        file
          ? `wrote ${file}: review it, run prettier on it and register it in src/database/${service.schema}-data-source.ts`
          : 'the entities and the migrations agree: nothing to generate',
      );
    },
    (error: unknown) => {
      console.error(
        `generating a ${service.schema} migration failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
