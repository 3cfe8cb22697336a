import { migrateServiceDatabase, serviceRoleNames } from '@concord/database';
import { createGatewayDataSource, GATEWAY_SCHEMA } from './gateway-data-source';

/** The gateway schema's migration step, as its owner (`ownerUrl`): migrations, then the service role's grants (ADR 0015). */
export function migrateGatewayDatabase(
  ownerUrl: string,
  serviceRole = serviceRoleNames(GATEWAY_SCHEMA).service,
): Promise<string[]> {
  return migrateServiceDatabase(createGatewayDataSource(ownerUrl, 1), serviceRole);
}
