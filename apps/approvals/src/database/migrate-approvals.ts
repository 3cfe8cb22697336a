import { migrateServiceDatabase, serviceRoleNames } from '@concord/database';
import { createApprovalsDataSource, APPROVALS_SCHEMA } from './approvals-data-source';

/** The approvals schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export function migrateApprovalsDatabase(
  ownerUrl: string,
  serviceRole = serviceRoleNames(APPROVALS_SCHEMA).service,
): Promise<string[]> {
  return migrateServiceDatabase(createApprovalsDataSource(ownerUrl, 1), serviceRole);
}
