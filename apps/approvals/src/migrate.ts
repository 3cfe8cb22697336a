// The migration step: `MIGRATION_DATABASE_URL=<owner URL> node apps/approvals/dist/migrate.js`,
// run before the service starts (npm start does; see docs/runbooks/database-roles.md).
import 'reflect-metadata';
import { runMigrationStep } from '@concord/database';
import { createApprovalsDataSource, APPROVALS_SCHEMA } from './database/approvals-data-source';

runMigrationStep(APPROVALS_SCHEMA, (url) => createApprovalsDataSource(url, 1)).catch((error: unknown) => {
  console.error(`approvals migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
