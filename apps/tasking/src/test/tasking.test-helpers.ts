import { randomBytes } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { INestMicroservice } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  CREATORS_ORG, createEnvelope, EVENTS, namespaceSubject, newId, SUBJECTS, type Actor, type AgreementEventData, type CreatorView,
} from '@concord/domain';
import { connectNats, ServiceClient, type NatsConnection } from '@concord/messaging';
import { startRegistry } from '@concord/registry';
import { createTestDatabase, testEnvName, testUrls } from '@concord/testing';
import { createTaskingDataSource } from '../database/tasking-data-source';
import { startTasking } from '../tasking.app';
import type { TaskingConfigInput } from '../tasking.config';

export const actors = {
  registrar: { userId: 'registrar@mcst', orgId: 'mcst-ttcs', roles: ['registry_officer'] },
  manager: { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] },
  reviewer: { userId: 'reviewer@mcst', orgId: 'mcst-ttcs', roles: ['reviewer'] },
  legal: { userId: 'legal@mcst', orgId: 'mcst-ttcs', roles: ['legal_officer'] },
  mofa: { userId: 'liaison@mofa', orgId: 'mofa', roles: ['liaison'] },
  hcmc: { userId: 'liaison@hcmc', orgId: 'hcmc-info', roles: ['liaison'] },
} satisfies Record<string, Actor>;

/** A creator signed in as themselves. */
export const creatorActor = (creatorId: string, handle = creatorId.slice(-6)): Actor => ({ userId: `creator@${handle}`, orgId: CREATORS_ORG, roles: ['creator'], creatorId });

export interface TaskingTestSystem {
  env: string;
  databaseUrl: string;
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
export async function startTaskingTestSystem(options: { natsUrl?: string; tasking?: Partial<TaskingConfigInput> | false } = {}): Promise<TaskingTestSystem> {
  const urls = testUrls();
  const env = testEnvName();
  const natsUrl = options.natsUrl ?? urls.natsUrl;
  const databaseUrl = await createTestDatabase(urls.databaseUrl);
  const registry = await startRegistry(
    { CONCORD_ENV: env, NATS_URL: natsUrl, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', CONCORD_PII_KEY: randomBytes(32).toString('base64'), REGISTRY_DB_POOL: 5 },
    false,
  );
  const base = { CONCORD_ENV: env, NATS_URL: natsUrl, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' as const, TASKING_DB_POOL: 4 };
  const sys: TaskingTestSystem = {
    env, databaseUrl, natsUrl, tasking: null,
    client: new ServiceClient(natsUrl, env, 10_000),
    nc: await connectNats({ servers: natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 100 }),
    db: createTaskingDataSource(databaseUrl, 2),
    startTasking: async (overrides = {}) => (sys.tasking = await startTasking({ ...base, ...options.tasking, ...overrides }, false)),
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

let handles = 0;

/** Registers a creator through the registry and moves them to `status`, as the registrar would. */
export async function registerCreator(
  client: ServiceClient,
  name: string,
  options: { status?: 'prospect' | 'vetted' | 'active' | 'suspended'; companyId?: string | null; kind?: 'individual' | 'management_company'; platforms?: string[]; topics?: string[] } = {},
): Promise<string> {
  const tag = `${randomBytes(3).toString('hex')}${handles++}`;
  const creator = await client.request<CreatorView>(SUBJECTS.registry.creatorCreate, {
    input: {
      kind: options.kind ?? 'individual',
      displayName: name,
      personalData: { legalName: name, nationalId: '001199012345', phone: '+84912345678', email: 'creator@example.vn' },
      consent: { givenAt: '2026-01-05T09:00:00Z', scope: 'registry', evidence: 'form 12/2026' },
      channels: (options.platforms ?? ['tiktok']).map((platform) => ({ platform, handle: `c_${tag}`, url: `https://example.com/${platform}/c_${tag}`, followers: 50_000, verified: true })),
      topics: options.topics ?? ['tourism'],
      languages: ['vi', 'en'],
      regions: ['VN-HN'],
      managementCompanyId: options.companyId ?? null,
    },
  }, actors.registrar);
  const path = { prospect: [], vetted: ['vetted'], active: ['vetted', 'active'], suspended: ['vetted', 'active', 'suspended'] }[options.status ?? 'active'];
  for (const to of path) {
    await client.request(SUBJECTS.registry.creatorChangeStatus, { id: creator.id, input: { to, reason: `test: ${to}` } }, actors.registrar);
  }
  return creator.id;
}

/** Publishes an agreements-service event into JetStream, as that service's outbox relay would. Returns the event id. */
export async function publishAgreementEvent(
  sys: Pick<TaskingTestSystem, 'nc' | 'env'>,
  kind: 'activated' | 'ended' | 'amended',
  agreement: Partial<AgreementEventData> & { agreementId: string; counterpartyId: string },
): Promise<string> {
  const data: AgreementEventData = {
    number: 'TTDN-2026-0001', agencyId: 'mcst-ttcs', status: kind === 'ended' ? 'terminated' : 'active', term: { start: '2026-01-01', end: '2027-12-31' },
    deliverables: [{ platform: 'tiktok', quantity: 100 }], reason: null, ...agreement,
  };
  return publishEvent(sys, EVENTS.agreements[kind], { userId: 'admin@mcst', orgId: 'mcst-ttcs', roles: ['admin'] }, data);
}

export async function publishEvent(sys: Pick<TaskingTestSystem, 'nc' | 'env'>, subject: string, actor: Actor, data: unknown, id?: string): Promise<string> {
  const envelope = { ...createEnvelope(subject, actor, data), ...(id ? { id } : {}) };
  await jetstream(sys.nc).publish(namespaceSubject(sys.env, subject), JSON.stringify(envelope), { msgID: envelope.id });
  return envelope.id;
}

/** Waits until `probe` returns something truthy. */
export async function eventually<T>(probe: () => Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600_000);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export { newId };
