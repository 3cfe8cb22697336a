import { migrateServiceDatabase, serviceRoleNames, type ServiceSchema } from '@concord/database';
import { createApprovalsDataSource, APPROVALS_SCHEMA } from './approvals-data-source';

/** The approvals schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export function migrateApprovalsDatabase(
  ownerUrl: string,
  serviceRole = serviceRoleNames(APPROVALS_SCHEMA).service,
): Promise<string[]> {
  return migrateServiceDatabase(createApprovalsDataSource(ownerUrl, 1), serviceRole);
}

/** The approvals schema for the migration generator and the entities-match-migrations check (README, "Migrations"). */
export const approvalsSchema: ServiceSchema = {
  schema: APPROVALS_SCHEMA,
  dataSourceFor: (url) => createApprovalsDataSource(url, 1),
  migrate: (ownerUrl) => migrateApprovalsDatabase(ownerUrl),
};
