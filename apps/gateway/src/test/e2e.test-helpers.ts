import { randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConcordClient, devToken, type ConcordClient, type Schemas } from '@concord/client';
import { migrateAgreementsDatabase, startAgreements } from '@concord/agreements';
import { migrateTaskingDatabase, startTasking } from '@concord/tasking';
import { migrateApprovalsDatabase, startApprovals } from '@concord/approvals';
import { migrateRegistryDatabase, startRegistry } from '@concord/registry';
import { createServiceTestDatabase, testActorConfig, testEnvName, testUrls, testNatsConfig } from '@concord/testing';
import { migrateGatewayDatabase } from '../database/migrate-gateway';
import { createGateway } from '../gateway.app';
import { GatewayConfigSchema, type GatewayConfig } from '../gateway.config';

export interface TestSystem {
  baseUrl: string;
  gateway: NestFastifyApplication;
  registry: INestMicroservice;
  /** DATABASE_URL is the gateway's own role (ADR 0015). */
  config: GatewayConfig;
  /** The database every service of this system keeps its schema in, as its administrator (each service connects as its own role). */
  databaseUrl: string;
  as(username: string): Promise<ConcordClient>;
  stop(): Promise<void>;
}

/**
 * Gateway + services on real PostgreSQL and NATS, in a namespace of their
 * own: the run's servers, or `servers` (a test that stops or pauses them).
 */
export async function startTestSystem(
  overrides: Partial<Record<string, string>> = {},
  servers?: { databaseUrl: string; natsUrl: string },
): Promise<TestSystem> {
  const urls = servers ?? testUrls();
  /** An RPC_TIMEOUT_MS override holds for every caller: the gateway and the services that ask others. */
  const rpcTimeout = overrides.RPC_TIMEOUT_MS === undefined ? {} : { RPC_TIMEOUT_MS: Number(overrides.RPC_TIMEOUT_MS) };
  const env = testEnvName();
  const database = await createServiceTestDatabase(urls.databaseUrl);
  const databaseUrl = database.adminUrl;
  const registry = await startRegistry(
    {
      CONCORD_ENV: env,
      ...testNatsConfig('registry', urls.natsUrl),
      DATABASE_URL: await database.serviceUrl('registry', migrateRegistryDatabase),
      LOG_LEVEL: 'error',
      CONCORD_PII_KEY: randomBytes(32).toString('base64'),
      REGISTRY_DB_POOL: 5,
      ...testActorConfig('registry'),
    },
    false,
  );
  const agreements = await startAgreements(
    { CONCORD_ENV: env, ...testNatsConfig('agreements', urls.natsUrl), ...testActorConfig('agreements'), DATABASE_URL: await database.serviceUrl('agreements', migrateAgreementsDatabase), LOG_LEVEL: 'error', AGREEMENTS_DB_POOL: 3, RPC_TIMEOUT_MS: 3000, ...rpcTimeout, AGREEMENTS_CALENDAR_MS: 60_000 },
    false,
  );
  const tasking = await startTasking({ CONCORD_ENV: env, ...testNatsConfig('tasking', urls.natsUrl), ...testActorConfig('tasking'), DATABASE_URL: await database.serviceUrl('tasking', migrateTaskingDatabase), LOG_LEVEL: 'error', TASKING_DB_POOL: 3, ...rpcTimeout }, false);
  const approvals = await startApprovals({ CONCORD_ENV: env, ...testNatsConfig('approvals', urls.natsUrl), ...testActorConfig('approvals'), DATABASE_URL: await database.serviceUrl('approvals', migrateApprovalsDatabase), LOG_LEVEL: 'error', APPROVALS_DB_POOL: 3, ...rpcTimeout }, false);
  const config = GatewayConfigSchema.parse({
    CONCORD_ENV: env,
    ...testNatsConfig('gateway', urls.natsUrl),
    DATABASE_URL: await database.serviceUrl('gateway', migrateGatewayDatabase),
    PORT: '0',
    CONCORD_DEV_AUTH: '1',
    RPC_TIMEOUT_MS: '3000',
    CONCORD_ACTOR_KEY: testActorConfig('gateway').CONCORD_ACTOR_KEY,
    ...overrides,
  });
  const gateway = await createGateway(config, { logger: false });
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    baseUrl,
    gateway,
    registry,
    config,
    databaseUrl,
    as: async (username) => createConcordClient({ baseUrl, token: await devToken(baseUrl, username) }),
    stop: async () => {
      await gateway.close();
      await agreements.close().catch(() => undefined);
      await approvals.close().catch(() => undefined);
      await tasking.close().catch(() => undefined);
      await registry.close().catch(() => undefined);
    },
  };
}

export function uniqueHandle(prefix: string): string {
  return `${prefix}_${randomBytes(3).toString('hex')}`;
}

/** A valid individual creator's registration, with one TikTok channel under `handle`. */
export function registration(displayName: string, handle = uniqueHandle('kol')): Schemas['RegisterCreator'] {
  return {
    kind: 'individual',
    displayName,
    personalData: { legalName: displayName, nationalId: '001199012345', phone: '+84912345678', email: 'kol@example.vn' },
    consent: { givenAt: '2026-01-05T09:00:00Z', scope: 'registry', evidence: 'form 12/2026' },
    channels: [{ platform: 'tiktok', handle, url: `https://www.tiktok.com/@${handle}`, followers: 120000, verified: true }],
    topics: ['tourism'],
    languages: ['vi', 'en'],
    regions: ['VN-HN'],
    managementCompanyId: null,
  };
}
