import { serviceSchema } from '@concord/database';
import { createApprovalsDataSource, APPROVALS_SCHEMA } from './approvals-data-source';

/** The approvals schema for the migration generator and the entities-match-migrations check (README, "Migrations"). */
export const approvalsSchema = serviceSchema(APPROVALS_SCHEMA, createApprovalsDataSource);

/** The approvals schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export const migrateApprovalsDatabase = approvalsSchema.migrate;
