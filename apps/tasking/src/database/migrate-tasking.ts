import { migrateServiceDatabase, serviceRoleNames, type ServiceSchema } from '@concord/database';
import { createTaskingDataSource, TASKING_SCHEMA } from './tasking-data-source';

/** The tasking schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export function migrateTaskingDatabase(
  ownerUrl: string,
  serviceRole = serviceRoleNames(TASKING_SCHEMA).service,
): Promise<string[]> {
  return migrateServiceDatabase(createTaskingDataSource(ownerUrl, 1), serviceRole);
}

/** The tasking schema for the migration generator and the entities-match-migrations check (README, "Migrations"). */
export const taskingSchema: ServiceSchema = {
  schema: TASKING_SCHEMA,
  dataSourceFor: (url) => createTaskingDataSource(url, 1),
  migrate: (ownerUrl) => migrateTaskingDatabase(ownerUrl),
};
