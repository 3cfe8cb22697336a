// The migration step: `MIGRATION_DATABASE_URL=<owner URL> node apps/agreements/dist/migrate.js`,
// run before the service starts (npm start does; see docs/runbooks/database-roles.md).
import 'reflect-metadata';
import { runMigrationStep } from '@concord/database';
import { createAgreementsDataSource, AGREEMENTS_SCHEMA } from './database/agreements-data-source';

runMigrationStep(AGREEMENTS_SCHEMA, (url) => createAgreementsDataSource(url, 1)).catch((error: unknown) => {
  console.error(`agreements migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
