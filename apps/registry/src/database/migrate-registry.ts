import { migrateServiceDatabase, serviceRoleNames, type ServiceSchema } from '@concord/database';
import { createRegistryDataSource, REGISTRY_SCHEMA } from './registry-data-source';

/** The registry schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export function migrateRegistryDatabase(
  ownerUrl: string,
  serviceRole = serviceRoleNames(REGISTRY_SCHEMA).service,
): Promise<string[]> {
  return migrateServiceDatabase(createRegistryDataSource(ownerUrl, 1), serviceRole);
}

/** The registry schema for the migration generator and the entities-match-migrations check (README, "Migrations"). */
export const registrySchema: ServiceSchema = {
  schema: REGISTRY_SCHEMA,
  dataSourceFor: (url) => createRegistryDataSource(url, 1),
  migrate: (ownerUrl) => migrateRegistryDatabase(ownerUrl),
};
