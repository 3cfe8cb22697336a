import type { INestMicroservice } from '@nestjs/common';
import { SUBJECTS } from '@concord/domain';
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
  /** Runs `during` with the registry stopped (what happens when it does not answer), and starts it again after: it answers again before this returns. */
  withoutRegistry<T>(during: () => Promise<T>): Promise<T>;
  stop: () => Promise<void>;
}

export async function startAgreementsWithRegistry(): Promise<AgreementsUnderTest> {
  const env = testEnvName();
  const urls = testUrls();
  const database = await createServiceTestDatabase(urls.databaseUrl);
  const databaseUrl = database.adminUrl;
  const registryConfig = {
    CONCORD_ENV: env,
    ...(await testServiceConfig(database, 'registry', migrateRegistryDatabase)),
    LOG_LEVEL: 'error' as const,
    CONCORD_PII_KEY: testPiiKey(),
    REGISTRY_DB_POOL: 3,
  };
  let registry: INestMicroservice = await startRegistry(registryConfig, false);
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
    withoutRegistry: async (during) => {
      await registry.close();
      try {
        return await during();
      } finally {
        registry = await startRegistry(registryConfig, false);
        await registryAnswers(client);
      }
    },
    stop: async () => {
      await client.close();
      await agreements.close();
      await registry.close().catch(() => undefined);
    },
  };
}

/** Resolves once the registry answers (one just started may not have its subscription on the server yet). */
async function registryAnswers(client: ServiceClient, timeoutMs = 15_000): Promise<void> {
  const probe = { userId: 'test', orgId: 'mcst-ttcs', roles: [] };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.request(SUBJECTS.registry.health, {}, probe, { timeoutMs: 500 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
