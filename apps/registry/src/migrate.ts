// The migration step: `MIGRATION_DATABASE_URL=<owner URL> node apps/registry/dist/migrate.js`,
// run before the service starts (npm start does; see docs/runbooks/database-roles.md).
import 'reflect-metadata';
import { runMigrationStep } from '@concord/database';
import { createRegistryDataSource, REGISTRY_SCHEMA } from './database/registry-data-source';

runMigrationStep(REGISTRY_SCHEMA, (url) => createRegistryDataSource(url, 1)).catch((error: unknown) => {
  console.error(`registry migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
