import { randomBytes } from 'node:crypto';
import type { ActorIssuer } from '@concord/domain';
import { testActorConfig } from './actor-keys';
import { testNatsConfig, type ServiceTestDatabase } from './infrastructure';

/**
 * A service's variables in tests, to spread into its configuration: its NATS identity, its actor key and the issuers
 * it believes, and DATABASE_URL as its own role once `migrate` has run as the schema's owner.
 */
export async function testServiceConfig(
  database: ServiceTestDatabase,
  service: ActorIssuer,
  migrate: (ownerUrl: string) => Promise<unknown>,
  natsUrl?: string,
) {
  return {
    ...testNatsConfig(service, natsUrl),
    ...testActorConfig(service),
    DATABASE_URL: await database.serviceUrl(service, migrate),
  };
}

/** A fresh key for the registry's personal data (CONCORD_PII_KEY). */
export function testPiiKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * The registry's variables when another test starts it beside the service under test (or on its own): a fresh
 * namespace's `env`, its own role on `database` once `migrate` (migrateRegistryDatabase) has run, quiet logs and a
 * fresh personal-data key; `pool` connections (3 unless said), on `natsUrl` (the run's nats-server unless said).
 */
export async function testRegistryConfig(
  database: ServiceTestDatabase,
  env: string,
  migrate: (ownerUrl: string) => Promise<unknown>,
  options: { pool?: number; natsUrl?: string } = {},
) {
  return {
    CONCORD_ENV: env,
    ...(await testServiceConfig(database, 'registry', migrate, options.natsUrl)),
    LOG_LEVEL: 'error' as const,
    CONCORD_PII_KEY: testPiiKey(),
    REGISTRY_DB_POOL: options.pool ?? 3,
  };
}
