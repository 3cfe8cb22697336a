import type { INestMicroservice } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { newId, SUBJECTS, type AgreementEventData } from '@concord/domain';
import { connectNats, type NatsConnection, type ServiceClient } from '@concord/messaging';
import { migrateRegistryDatabase, startRegistry } from '@concord/registry';
import {
  freshTestSystem,
  publishAgreementEvent as publishAgreement,
  publishEvent as publish,
  staff,
  testActorConfig,
  testNats,
  testNatsConfig,
  testServiceClient,
  testRegistryConfig,
} from '@concord/testing';
import { createTaskingDataSource } from '../database/tasking-data-source';
import { migrateTaskingDatabase } from '../database/migrate-tasking';
import { startTasking } from '../tasking.app';
import type { TaskingConfigInput } from '../tasking.config';

import { daysFromNow, isoDate } from '@concord/testing';

export { creatorActor, daysFromNow, eventually, isoDate, registerCreator } from '@concord/testing';
export const actors = staff;
export { newId };

export interface TaskingTestSystem {
  env: string;
  /** The database as its administrator. */
  databaseUrl: string;
  /** What tasking connects as (its own role, ADR 0015). */
  taskingDatabaseUrl: string;
  natsUrl: string;
  client: ServiceClient;
  nc: NatsConnection;
  /** A pool of its own, for looking at tasking's rows as a test. */
  db: DataSource;
  tasking: INestMicroservice | null;
  startTasking(overrides?: Partial<TaskingConfigInput>): Promise<INestMicroservice>;
  stop(): Promise<void>;
}

/** Registry + tasking on real PostgreSQL (one database) and real NATS (one namespace). */
export async function startTaskingTestSystem(
  options: { natsUrl?: string; tasking?: Partial<TaskingConfigInput> | false } = {},
): Promise<TaskingTestSystem> {
  const fresh = await freshTestSystem();
  const { env, database } = fresh;
  const natsUrl = options.natsUrl ?? fresh.natsUrl;
  const databaseUrl = database.adminUrl;
  const taskingDatabaseUrl = await database.serviceUrl('tasking', migrateTaskingDatabase);
  const registry = await startRegistry(
    await testRegistryConfig(database, env, migrateRegistryDatabase, { pool: 5, natsUrl }),
    false,
  );
  const base = {
    CONCORD_ENV: env,
    ...testNatsConfig('tasking', natsUrl),
    ...testActorConfig('tasking'),
    DATABASE_URL: taskingDatabaseUrl,
    LOG_LEVEL: 'error' as const,
    TASKING_DB_POOL: 4,
  };
  const sys: TaskingTestSystem = {
    env,
    databaseUrl,
    taskingDatabaseUrl,
    natsUrl,
    tasking: null,
    client: testServiceClient(testNats('gateway', natsUrl), env, 10_000),
    nc: await connectNats({ ...testNats('harness', natsUrl), maxReconnectAttempts: -1, reconnectTimeWait: 100 }),
    db: createTaskingDataSource(databaseUrl, 2),
    startTasking: async (overrides = {}) =>
      (sys.tasking = await startTasking({ ...base, ...options.tasking, ...overrides }, false)),
    stop: async () => {
      await sys.client.close();
      await sys.nc.drain().catch(() => undefined);
      if (sys.db.isInitialized) await sys.db.destroy();
      await sys.tasking?.close().catch(() => undefined);
      await registry.close().catch(() => undefined);
    },
  };
  await sys.client.connect();
  if (options.tasking !== false) await sys.startTasking();
  await sys.db.initialize();
  return sys;
}

/** Publishes an agreements-service event into JetStream, as that service's outbox relay would. Returns the event id. */
export function publishAgreementEvent(
  sys: Pick<TaskingTestSystem, 'nc' | 'env'>,
  kind: 'activated' | 'ended' | 'amended',
  agreement: Partial<Omit<AgreementEventData, 'disclosureLabel'>> & {
    agreementId: string;
    counterpartyId: string;
    disclosureLabel?: string | null;
  },
): Promise<string> {
  return publishAgreement(sys.nc, sys.env, kind, agreement);
}

export function publishEvent(
  sys: Pick<TaskingTestSystem, 'nc' | 'env'>,
  subject: string,
  actor: Parameters<typeof publish>[3],
  data: unknown,
  id?: string,
): Promise<string> {
  return publish(sys.nc, sys.env, subject, actor, data, id);
}

/**
 * An active TikTok campaign (no budget, two months from today) with one post brief due in ten days, made by the
 * campaign manager: what a fan-out needs.
 */
export async function activeCampaignWithBrief(
  client: ServiceClient,
  titles: { campaign: string; brief: string },
): Promise<{ campaignId: string; briefId: string }> {
  const manager = actors.manager;
  const campaign = await client.request(
    SUBJECTS.tasking.campaignCreate,
    {
      input: {
        title: titles.campaign,
        objective: 'x',
        keyMessages: ['x'],
        platforms: ['tiktok'],
        period: { start: isoDate(daysFromNow(0)), end: isoDate(daysFromNow(60)) },
        budget: 0,
      },
    },
    manager,
  );
  await client.request(SUBJECTS.tasking.campaignActivate, { id: campaign.id }, manager);
  const brief = await client.request(
    SUBJECTS.tasking.briefCreate,
    {
      id: campaign.id,
      input: {
        kind: 'post',
        title: titles.brief,
        keyMessages: ['x'],
        platforms: ['tiktok'],
        languages: ['vi'],
        dueAt: daysFromNow(10).toISOString(),
        quantity: 1,
        feePerDeliverable: 0,
      },
    },
    manager,
  );
  return { campaignId: campaign.id, briefId: brief.id };
}
