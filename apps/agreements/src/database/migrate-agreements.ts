import { migrateServiceDatabase, serviceRoleNames, type ServiceSchema } from '@concord/database';
import { createAgreementsDataSource, AGREEMENTS_SCHEMA } from './agreements-data-source';

/** The agreements schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export function migrateAgreementsDatabase(
  ownerUrl: string,
  serviceRole = serviceRoleNames(AGREEMENTS_SCHEMA).service,
): Promise<string[]> {
  return migrateServiceDatabase(createAgreementsDataSource(ownerUrl, 1), serviceRole);
}

/** The agreements schema for the migration generator and the entities-match-migrations check (README, "Migrations"). */
export const agreementsSchema: ServiceSchema = {
  schema: AGREEMENTS_SCHEMA,
  dataSourceFor: (url) => createAgreementsDataSource(url, 1),
  migrate: (ownerUrl) => migrateAgreementsDatabase(ownerUrl),
};
