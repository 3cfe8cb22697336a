// The migration step: `MIGRATION_DATABASE_URL=<owner URL> node apps/tasking/dist/migrate.js`,
// run before the service starts (npm start does; see docs/runbooks/database-roles.md).
import 'reflect-metadata';
import { runMigrationStep } from '@concord/database';
import { createTaskingDataSource, TASKING_SCHEMA } from './database/tasking-data-source';

runMigrationStep(TASKING_SCHEMA, (url) => createTaskingDataSource(url, 1)).catch((error: unknown) => {
  console.error(`tasking migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
