import { serviceSchema } from '@concord/database';
import { createRegistryDataSource, REGISTRY_SCHEMA } from './registry-data-source';

/** The registry schema for the migration generator and the entities-match-migrations check (README, "Migrations"). */
export const registrySchema = serviceSchema(REGISTRY_SCHEMA, createRegistryDataSource);

/** The registry schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export const migrateRegistryDatabase = registrySchema.migrate;
