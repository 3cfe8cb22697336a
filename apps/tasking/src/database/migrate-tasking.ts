import { serviceSchema } from '@concord/database';
import { createTaskingDataSource, TASKING_SCHEMA } from './tasking-data-source';

/** The tasking schema for the migration generator and the entities-match-migrations check (README, "Migrations"). */
export const taskingSchema = serviceSchema(TASKING_SCHEMA, createTaskingDataSource);

/** The tasking schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export const migrateTaskingDatabase = taskingSchema.migrate;
