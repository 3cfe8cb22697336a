// The migration step: `MIGRATION_DATABASE_URL=<owner URL> node apps/gateway/dist/migrate.js`,
// run before the service starts (npm start does; see docs/runbooks/database-roles.md).
import 'reflect-metadata';
import { runMigrationStep } from '@concord/database';
import { createGatewayDataSource, GATEWAY_SCHEMA } from './database/gateway-data-source';

runMigrationStep(GATEWAY_SCHEMA, (url) => createGatewayDataSource(url, 1)).catch((error: unknown) => {
  console.error(`gateway migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
