// Creates each service's PostgreSQL roles and schema and runs every schema's
// migration step as its owner (ADR 0015), for an operator who has an
// administrator role (superuser, or CREATEROLE and owner of the database):
//   DATABASE_URL=postgres://admin:…@db:5432/concord \
//   REGISTRY_DB_PASSWORD=… AGREEMENTS_DB_PASSWORD=… TASKING_DB_PASSWORD=… APPROVALS_DB_PASSWORD=… GATEWAY_DB_PASSWORD=… \
//   node infra/prepare-database.mjs
// The services then connect as postgres://concord_<schema>:<SCHEMA>_DB_PASSWORD@db:5432/concord.
// Owner passwords are <SCHEMA>_DB_OWNER_PASSWORD, or random each run (only this step uses them).
// Without an administrator, follow docs/runbooks/database-roles.md instead.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { prepareServiceDatabases, SERVICE_SCHEMAS } = require('../packages/database/dist/index.js');

const missing = [];
const variable = (name) => process.env[name] || (missing.push(name), '');
const adminUrl = variable('DATABASE_URL');
const passwords = Object.fromEntries(
  SERVICE_SCHEMAS.map(({ schema }) => {
    const prefix = schema.toUpperCase();
    return [
      schema,
      {
        service: variable(`${prefix}_DB_PASSWORD`),
        owner: process.env[`${prefix}_DB_OWNER_PASSWORD`] || randomBytes(24).toString('hex'),
      },
    ];
  }),
);
if (missing.length > 0) {
  console.error(`Set ${missing.join(', ')} (see docs/runbooks/database-roles.md)`);
  process.exit(1);
}
try {
  await prepareServiceDatabases({
    adminUrl,
    root,
    passwords,
    setPasswords: true,
    log: (line) => console.log(`• ${line}`),
  });
  console.log('• Roles, schemas and migrations are ready; start each service with its own DATABASE_URL.');
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}
