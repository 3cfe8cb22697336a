import type { INestMicroservice, LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { connectNats, type NatsConnection, type PinoLogger, type ServiceClient } from '@concord/messaging';
import {
  creatorRegistration,
  freshTestSystem,
  staff,
  testNats,
  testRegistryConfig,
  testServiceClient,
  type Registration as TestRegistration,
} from '@concord/testing';
import { startRegistry } from '../registry.app';
import { RegistryConfigSchema, type RegistryConfig } from '../registry.config';
import { createRegistryDataSource } from '../database/registry-data-source';
import { migrateRegistryDatabase } from '../database/migrate-registry';

/** The seeded staff the registry's tests act as (`@concord/testing`'s). */
export const actors = {
  registrar: staff.registrar,
  admin: staff.admin,
  reviewer: staff.reviewer,
  auditor: staff.auditor,
  legal: staff.legal,
  mofaLiaison: staff.mofa,
};

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
  const { env, database } = await freshTestSystem();
  const config: RegistryConfig = RegistryConfigSchema.parse(
    await testRegistryConfig(database, env, migrateRegistryDatabase, { pool: 5 }),
  );
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
