import type { INestMicroservice } from '@nestjs/common';
import type { ServiceClient } from '@concord/messaging';
import { migrateRegistryDatabase, startRegistry } from '@concord/registry';
import {
  createServiceTestDatabase,
  testEnvName,
  testServiceClient,
  testUrls,
  testNats,
  testServiceConfig,
  testPiiKey,
} from '@concord/testing';
import { startAgreements } from '../agreements.app';
import { migrateAgreementsDatabase } from '../database/migrate-agreements';

/** The agreements service and the registry it asks, on a fresh database and the test NATS, and a client to talk to them. */
export interface AgreementsUnderTest {
  env: string;
  natsUrl: string;
  /** The database as its administrator (the services connect as their own roles). */
  databaseUrl: string;
  client: ServiceClient;
  /** The registry, for tests of what happens when it stops answering. */
  registry: INestMicroservice;
  stop: () => Promise<void>;
}

export async function startAgreementsWithRegistry(): Promise<AgreementsUnderTest> {
  const env = testEnvName();
  const urls = testUrls();
  const database = await createServiceTestDatabase(urls.databaseUrl);
  const databaseUrl = database.adminUrl;
  const registry: INestMicroservice = await startRegistry(
    {
      CONCORD_ENV: env,
      ...(await testServiceConfig(database, 'registry', migrateRegistryDatabase)),
      LOG_LEVEL: 'error',
      CONCORD_PII_KEY: testPiiKey(),
      REGISTRY_DB_POOL: 3,
    },
    false,
  );
  const agreements: INestMicroservice = await startAgreements(
    {
      CONCORD_ENV: env,
      ...(await testServiceConfig(database, 'agreements', migrateAgreementsDatabase)),
      LOG_LEVEL: 'error',
      AGREEMENTS_DB_POOL: 3,
      RPC_TIMEOUT_MS: 2000,
      AGREEMENTS_CALENDAR_MS: 60_000,
    },
    false,
  );
  const client = testServiceClient(testNats('gateway'), env);
  await client.connect();
  return {
    env,
    natsUrl: urls.natsUrl,
    databaseUrl,
    client,
    registry,
    stop: async () => {
      await client.close();
      await agreements.close();
      await registry.close().catch(() => undefined);
    },
  };
}
