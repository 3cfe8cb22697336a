/**
 * What the API stories share: the gateway and the four services started in
 * this process on the run's PostgreSQL and NATS (packages/testing/jest/ starts
 * those once per jest run), each system in a database and a namespace of its own.
 */
import { randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConcordClient, devToken, type ConcordClient, type Schemas } from '@concord/client';
import { migrateAgreementsDatabase, startAgreements } from '@concord/agreements';
import { migrateTaskingDatabase, startTasking } from '@concord/tasking';
import { migrateApprovalsDatabase, startApprovals } from '@concord/approvals';
import { migrateRegistryDatabase, startRegistry } from '@concord/registry';
import {
  createServiceTestDatabase,
  creatorRegistration,
  testActorConfig,
  testEnvName,
  testUrls,
  testNatsConfig,
} from '@concord/testing';
import {
  AuditCheckpointRepository,
  createGateway,
  GatewayConfigSchema,
  migrateGatewayDatabase,
  type GatewayConfig,
} from '@concord/gateway';
import { AuditEvidence } from '@concord/audit';
import { MetricsServer } from '@concord/messaging';
import { auditSigningKey, type AuditSigningKey } from '@concord/domain';

export interface TestSystem {
  baseUrl: string;
  gateway: NestFastifyApplication;
  registry: INestMicroservice;
  /** DATABASE_URL is the gateway's own role (ADR 0015). */
  config: GatewayConfig;
  /** The database every service of this system keeps its schema in, as its administrator (each service connects as its own role). */
  databaseUrl: string;
  /** Each process's `GET /metrics` (METRICS_PORT 0: a free port each; never the gateway's public port). */
  metricsUrls: Record<'gateway' | 'registry' | 'agreements' | 'tasking' | 'approvals', string>;
  /** The services' audit signing keys (the gateway is configured with their public halves). */
  auditKeys: Record<'registry' | 'agreements' | 'tasking' | 'approvals', AuditSigningKey>;
  /** Every service links its queued audit entries and signs a checkpoint now, and the gateway has kept each checkpoint. */
  settleAudit(): Promise<void>;
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
  /** Each service's audit signing key, and its public half for the gateway, as npm start generates them. */
  const auditKeys = Object.fromEntries(
    (['registry', 'agreements', 'tasking', 'approvals'] as const).map((s) => [
      s,
      auditSigningKey(randomBytes(32).toString('base64')),
    ]),
  ) as Record<'registry' | 'agreements' | 'tasking' | 'approvals', AuditSigningKey>;
  /** Checkpoints only when a test asks (settleAudit), never on a timer in the middle of one. */
  const audit = { AUDIT_CHECKPOINT_MS: 3_600_000 };
  /** Every process serves its metrics on a port of its own, picked when it starts. */
  const metrics = { METRICS_PORT: 0 };
  const seed = (s: keyof typeof auditKeys) =>
    auditKeys[s].privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32).toString('base64');
  // What has started, to close again if a later part fails: a half-started system would keep jest from ever exiting.
  const started: { close(): Promise<unknown> }[] = [];
  try {
    const registry = await startRegistry(
      {
        CONCORD_ENV: env,
        ...testNatsConfig('registry', urls.natsUrl),
        DATABASE_URL: await database.serviceUrl('registry', migrateRegistryDatabase),
        LOG_LEVEL: 'error',
        CONCORD_PII_KEY: randomBytes(32).toString('base64'),
        REGISTRY_DB_POOL: 5,
        CONCORD_AUDIT_KEY_REGISTRY: seed('registry'),
        ...audit,
        ...metrics,
        ...testActorConfig('registry'),
      },
      false,
    );
    started.push(registry);
    const agreements = await startAgreements(
      {
        CONCORD_ENV: env,
        ...testNatsConfig('agreements', urls.natsUrl),
        ...testActorConfig('agreements'),
        CONCORD_AUDIT_KEY_AGREEMENTS: seed('agreements'),
        ...audit,
        ...metrics,
        DATABASE_URL: await database.serviceUrl('agreements', migrateAgreementsDatabase),
        LOG_LEVEL: 'error',
        AGREEMENTS_DB_POOL: 3,
        RPC_TIMEOUT_MS: 3000,
        ...rpcTimeout,
        AGREEMENTS_CALENDAR_MS: 60_000,
      },
      false,
    );
    started.push(agreements);
    const tasking = await startTasking(
      {
        CONCORD_ENV: env,
        ...testNatsConfig('tasking', urls.natsUrl),
        ...testActorConfig('tasking'),
        CONCORD_AUDIT_KEY_TASKING: seed('tasking'),
        ...audit,
        ...metrics,
        DATABASE_URL: await database.serviceUrl('tasking', migrateTaskingDatabase),
        LOG_LEVEL: 'error',
        TASKING_DB_POOL: 3,
        ...rpcTimeout,
      },
      false,
    );
    started.push(tasking);
    const approvals = await startApprovals(
      {
        CONCORD_ENV: env,
        ...testNatsConfig('approvals', urls.natsUrl),
        ...testActorConfig('approvals'),
        CONCORD_AUDIT_KEY_APPROVALS: seed('approvals'),
        ...audit,
        ...metrics,
        DATABASE_URL: await database.serviceUrl('approvals', migrateApprovalsDatabase),
        LOG_LEVEL: 'error',
        APPROVALS_DB_POOL: 3,
        ...rpcTimeout,
      },
      false,
    );
    started.push(approvals);
    const config = GatewayConfigSchema.parse({
      CONCORD_ENV: env,
      ...testNatsConfig('gateway', urls.natsUrl),
      DATABASE_URL: await database.serviceUrl('gateway', migrateGatewayDatabase),
      PORT: '0',
      METRICS_PORT: '0',
      CONCORD_DEV_AUTH: '1',
      RPC_TIMEOUT_MS: '3000',
      CONCORD_AUDIT_PUBLIC_KEY_REGISTRY: auditKeys.registry.publicKeyBase64,
      CONCORD_AUDIT_PUBLIC_KEY_AGREEMENTS: auditKeys.agreements.publicKeyBase64,
      CONCORD_AUDIT_PUBLIC_KEY_TASKING: auditKeys.tasking.publicKeyBase64,
      CONCORD_AUDIT_PUBLIC_KEY_APPROVALS: auditKeys.approvals.publicKeyBase64,
      CONCORD_ACTOR_KEY: testActorConfig('gateway').CONCORD_ACTOR_KEY,
      ...overrides,
    });
    const gateway = await createGateway(config, { logger: false });
    started.push(gateway);
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    const metricsUrl = (app: { get(token: typeof MetricsServer): MetricsServer }) => app.get(MetricsServer).url ?? '';
    return {
      baseUrl,
      metricsUrls: {
        gateway: metricsUrl(gateway),
        registry: metricsUrl(registry),
        agreements: metricsUrl(agreements),
        tasking: metricsUrl(tasking),
        approvals: metricsUrl(approvals),
      },
      gateway,
      registry,
      config,
      databaseUrl,
      auditKeys,
      settleAudit: async () => {
        // Each service links what is queued and signs a checkpoint now; then the gateway has consumed every one.
        const services = { registry, agreements, tasking, approvals };
        const store = gateway.get(AuditCheckpointRepository);
        for (const [name, app] of Object.entries(services)) {
          const latest = await app.get(AuditEvidence).settle();
          if (!latest) continue;
          for (let i = 0; i < 200 && ((await store.latest(name, 1))[0]?.size ?? 0) < latest.size; i++)
            await new Promise((r) => setTimeout(r, 50));
        }
      },
      // The stories check what the API answers to each request (a 503, a 409 in progress): sent once, no retries.
      as: async (username) => createConcordClient({ baseUrl, token: await devToken(baseUrl, username), retry: false }),
      stop: async () => {
        await gateway.close();
        await agreements.close().catch(() => undefined);
        await approvals.close().catch(() => undefined);
        await tasking.close().catch(() => undefined);
        await registry.close().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const app of started.reverse()) await app.close().catch(() => undefined);
    throw error;
  }
}

export function uniqueHandle(prefix: string): string {
  return `${prefix}_${randomBytes(3).toString('hex')}`;
}

/** A valid individual creator's registration, with one TikTok channel under `handle` (`@concord/testing`'s). */
export function registration(displayName: string, handle = uniqueHandle('kol')): Schemas['RegisterCreator'] {
  return creatorRegistration({ displayName, handle });
}

/**
 * A partner ministry's joint campaign request to the lead agency: explainer clips on the convention signing, answered
 * within 14 days; `changes` replace any of its fields.
 */
export function jointCampaignRequest(
  title: string,
  changes: Partial<Schemas['CampaignRequest']> = {},
): Schemas['CampaignRequest'] {
  return {
    title,
    objective: 'Explain the convention to foreign audiences',
    keyMessages: ['Viet Nam hosts the signing'],
    proposedPeriod: { start: '2026-10-01', end: '2026-10-31' },
    expectedDeliverables: '10 short clips in English',
    responseDeadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    ...changes,
  };
}

/** The joint campaign's short video brief on the signing, in English, 5,000,000 VND a clip; where, when and how many. */
export function signingBrief(what: Pick<Schemas['Brief'], 'platforms' | 'dueAt' | 'quantity'>): Schemas['Brief'] {
  return {
    kind: 'short_video',
    title: 'The signing in 60 seconds',
    keyMessages: ['Viet Nam hosts the signing'],
    platforms: what.platforms,
    languages: ['en'],
    dueAt: what.dueAt,
    quantity: what.quantity,
    feePerDeliverable: 5_000_000,
  };
}
