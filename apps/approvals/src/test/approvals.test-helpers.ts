import type { DataSource } from 'typeorm';
import { connectNats, type NatsConnection, type ServiceClient } from '@concord/messaging';
import { migrateRegistryDatabase, startRegistry } from '@concord/registry';
import { migrateTaskingDatabase, startTasking } from '@concord/tasking';
import { freshTestSystem, testNats, testRegistryConfig, testServiceClient, testServiceConfig } from '@concord/testing';
import { startApprovals } from '../approvals.app';
import type { ApprovalsConfigInput } from '../approvals.config';
import { createApprovalsDataSource } from '../database/approvals-data-source';
import { migrateApprovalsDatabase } from '../database/migrate-approvals';

export interface ApprovalsTestSystem {
  env: string;
  client: ServiceClient;
  nc: NatsConnection;
  /** A pool of its own on approvals' schema, for looking at rows as a test. */
  db: DataSource;
  stop(): Promise<void>;
}

/** Registry + tasking + approvals on real PostgreSQL (one database) and real NATS (one namespace). */
export async function startApprovalsTestSystem(
  overrides: Partial<ApprovalsConfigInput> = {},
): Promise<ApprovalsTestSystem> {
  const { env, database } = await freshTestSystem();
  const common = { CONCORD_ENV: env, LOG_LEVEL: 'error' as const };
  const registry = await startRegistry(await testRegistryConfig(database, env, migrateRegistryDatabase), false);
  const tasking = await startTasking(
    {
      ...common,
      ...(await testServiceConfig(database, 'tasking', migrateTaskingDatabase)),
      TASKING_DB_POOL: 3,
    },
    false,
  );
  const approvals = await startApprovals(
    {
      ...common,
      ...(await testServiceConfig(database, 'approvals', migrateApprovalsDatabase)),
      APPROVALS_DB_POOL: 4,
      ...overrides,
    },
    false,
  );
  const client = testServiceClient(testNats('gateway'), env, 10_000);
  await client.connect();
  const db = createApprovalsDataSource(database.adminUrl, 2);
  await db.initialize();
  const nc = await connectNats(testNats('harness'));
  return {
    env,
    client,
    db,
    nc,
    stop: async () => {
      await nc.drain().catch(() => undefined);
      await client.close();
      await db.destroy();
      await approvals.close().catch(() => undefined);
      await tasking.close().catch(() => undefined);
      await registry.close().catch(() => undefined);
    },
  };
}
