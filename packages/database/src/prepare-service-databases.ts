import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { provisionServiceSchema, SERVICE_SCHEMAS, type ServiceRolePasswords } from './service-roles';

export interface PrepareServiceDatabasesOptions {
  /** The database as its administrator (superuser, or a role with CREATEROLE that owns the database). */
  adminUrl: string;
  /** The checkout: each schema's migration step is `apps/<schema>/dist/migrate.js`. */
  root: string;
  /** Per schema, the owner's and the service's password. */
  passwords: Record<string, ServiceRolePasswords>;
  /** Reset the passwords of roles that exist (the launcher, whose passwords file is the truth). */
  setPasswords?: boolean;
  log?: (line: string) => void;
}

function runMigrationScript(script: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) {
        for (const line of output.trim().split('\n').filter(Boolean)) log(line);
        resolve();
      } else {
        reject(new Error(`${script} failed (exit ${code}): ${output.trim().slice(-2000)}`));
      }
    });
  });
}

/**
 * What `npm start` (and `npm run bench`) do before starting the services
 * (ADR 0015): for every schema, create its owner and service roles and the
 * schema, hand an older database's objects to the owner, run the schema's
 * migration step as the owner (the same command production runs), and
 * return each service's own `DATABASE_URL`.
 */
export async function prepareServiceDatabases(
  options: PrepareServiceDatabasesOptions,
): Promise<Record<string, string>> {
  const log = options.log ?? (() => undefined);
  const provisioned = [];
  for (const { schema, extensions } of SERVICE_SCHEMAS) {
    const passwords = options.passwords[schema];
    if (!passwords) throw new Error(`No passwords for the roles of schema ${schema}`);
    const done = await provisionServiceSchema(options.adminUrl, {
      schema,
      extensions,
      passwords,
      setPasswords: options.setPasswords,
    });
    if (done.reassigned > 0)
      log(`${schema}: ${done.reassigned} objects of an older start now belong to ${done.roles.owner}`);
    provisioned.push(done);
  }
  // Each schema's migrations touch only that schema: they run side by side.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  await Promise.all(
    provisioned.map((p) =>
      runMigrationScript(
        join(options.root, 'apps', p.schema, 'dist', 'migrate.js'),
        { ...env, MIGRATION_DATABASE_URL: p.ownerUrl },
        log,
      ),
    ),
  );
  return Object.fromEntries(provisioned.map((p) => [p.schema, p.serviceUrl]));
}
