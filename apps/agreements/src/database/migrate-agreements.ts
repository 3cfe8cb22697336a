import { serviceSchema } from '@concord/database';
import { createAgreementsDataSource, AGREEMENTS_SCHEMA } from './agreements-data-source';

/** The agreements schema for the migration generator and the entities-match-migrations check (README, "Migrations"). */
export const agreementsSchema = serviceSchema(AGREEMENTS_SCHEMA, createAgreementsDataSource);

/** The agreements schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export const migrateAgreementsDatabase = agreementsSchema.migrate;
