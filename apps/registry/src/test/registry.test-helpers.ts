import type { INestMicroservice, LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor } from '@concord/domain';
import { connectNats, type NatsConnection, type PinoLogger, type ServiceClient } from '@concord/messaging';
import {
  createServiceTestDatabase,
  creatorRegistration,
  testEnvName,
  testServiceClient,
  testUrls,
  testNats,
  type Registration as TestRegistration,
  testPiiKey,
  testServiceConfig,
} from '@concord/testing';
import { startRegistry } from '../registry.app';
import { RegistryConfigSchema, type RegistryConfig } from '../registry.config';
import { createRegistryDataSource } from '../database/registry-data-source';
import { migrateRegistryDatabase } from '../database/migrate-registry';

export const actors = {
  registrar: { userId: 'registrar@mcst', orgId: 'mcst-ttcs', roles: ['registry_officer'] },
  admin: { userId: 'admin@mcst', orgId: 'mcst-ttcs', roles: ['admin'] },
  reviewer: { userId: 'reviewer@mcst', orgId: 'mcst-ttcs', roles: ['reviewer'] },
  auditor: { userId: 'auditor@mcst', orgId: 'mcst-ttcs', roles: ['auditor'] },
  legal: { userId: 'legal@mcst', orgId: 'mcst-ttcs', roles: ['legal_officer'] },
  mofaLiaison: { userId: 'liaison@mofa', orgId: 'mofa', roles: ['liaison'] },
} satisfies Record<string, Actor>;

export interface TestRegistry {
  /** DATABASE_URL is the registry's own role (ADR 0015). */
  config: RegistryConfig;
  /** The same database as its administrator. */
  adminDatabaseUrl: string;
  app: INestMicroservice;
  client: ServiceClient;
  nc: NatsConnection;
  /** A separate pool, for looking at rows as a test. */
  db: DataSource;
  stop(): Promise<void>;
}

/** A registry on real PostgreSQL (its own database) and real NATS (its own namespace). */
export async function startTestRegistry(
  options: { logger?: LoggerService; log?: PinoLogger } = {},
): Promise<TestRegistry> {
  const urls = testUrls();
  const database = await createServiceTestDatabase(urls.databaseUrl);
  const config: RegistryConfig = RegistryConfigSchema.parse({
    CONCORD_ENV: testEnvName(),
    ...(await testServiceConfig(database, 'registry', migrateRegistryDatabase)),
    LOG_LEVEL: 'error',
    CONCORD_PII_KEY: testPiiKey(),
    REGISTRY_DB_POOL: 5,
  });
  const app = await startRegistry(config, options.logger ?? false, options.log);
  const client = testServiceClient(testNats('gateway'), config.CONCORD_ENV);
  await client.connect();
  const nc = await connectNats(testNats('harness'));
  const db = createRegistryDataSource(database.adminUrl, 2);
  await db.initialize();
  return {
    config,
    adminDatabaseUrl: database.adminUrl,
    app,
    client,
    nc,
    db,
    stop: async () => {
      await client.close();
      await nc.drain();
      await db.destroy();
      await app.close();
    },
  };
}

/** A registration as the registrar sends it (`creator.create`'s input). */
export type Registration = TestRegistration;

/** A valid registration with fresh channel handles, changed by `overrides` (`@concord/testing`'s). */
export const registration = (overrides: Partial<Registration> = {}): Registration => creatorRegistration(overrides);
