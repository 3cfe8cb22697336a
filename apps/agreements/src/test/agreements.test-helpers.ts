import { randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { SUBJECTS, type AgreementView, type CreatorView, type RequestOf } from '@concord/domain';
import type { ServiceClient } from '@concord/messaging';
import { migrateRegistryDatabase, startRegistry } from '@concord/registry';
import {
  freshTestSystem,
  staff,
  testNats,
  testRegistryConfig,
  testServiceClient,
  testServiceConfig,
  untilServiceAnswers,
  type Registration,
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
  const { env, natsUrl, database } = await freshTestSystem();
  const databaseUrl = database.adminUrl;
  const registryConfig = await testRegistryConfig(database, env, migrateRegistryDatabase);
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
    natsUrl,
    databaseUrl,
    client,
    withoutRegistry: async (during) => {
      await registry.close();
      try {
        return await during();
      } finally {
        registry = await startRegistry(registryConfig, false);
        await untilServiceAnswers(client, 'registry');
      }
    },
    stop: async () => {
      await client.close();
      await agreements.close();
      await registry.close().catch(() => undefined);
    },
  };
}

/**
 * Registers a creator to be an agreement's counterparty, as the registrar: an individual with one YouTube channel under
 * a fresh handle (`followers`, `verified`), in tourism and Vietnamese unless `changes` say otherwise.
 */
export function registerCounterparty(
  client: ServiceClient,
  changes: Partial<Registration> & { displayName: string; followers?: number; verified?: boolean },
): Promise<CreatorView> {
  const { followers = 250_000, verified = true, ...input } = changes;
  const handle = `kol_${randomBytes(3).toString('hex')}`;
  const channel = {
    platform: 'youtube' as const,
    handle,
    url: `https://www.youtube.com/@${handle}`,
    followers,
    verified,
  };
  return client.request(
    SUBJECTS.registry.creatorCreate,
    { input: { kind: 'individual', channels: [channel], topics: ['tourism'], languages: ['vi'], ...input } },
    staff.registrar,
  );
}

/** Records a passed vetting and moves the creator to vetted, as the registrar: what legal review asks of a counterparty. */
export async function vetCounterparty(client: ServiceClient, creatorId: string): Promise<void> {
  const R = SUBJECTS.registry;
  await client.request(
    R.creatorAddVetting,
    { id: creatorId, input: { outcome: 'passed', notes: 'checked' } },
    staff.registrar,
  );
  await client.request(
    R.creatorChangeStatus,
    { id: creatorId, input: { to: 'vetted', reason: 'vetting passed' } },
    staff.registrar,
  );
}

/** A draft's input: a service contract with `counterpartyId` for ten YouTube videos in 2026, changed by `changes`. */
export function agreementDraft(
  counterpartyId: string,
  changes: Partial<RequestOf<typeof SUBJECTS.agreements.create>['input']> = {},
): RequestOf<typeof SUBJECTS.agreements.create>['input'] {
  return {
    kind: 'service_contract',
    counterpartyId,
    title: 'Quảng bá du lịch Điện Biên Phủ 2026',
    scope: '10 short videos and 2 livestreams on Điện Biên Phủ heritage sites',
    term: { start: '2026-01-01', end: '2026-12-31' },
    budget: 150_000_000,
    deliverables: [{ platform: 'youtube', quantity: 10 }],
    disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
    usageRights: { durationMonths: 24, channels: ['youtube'], territories: ['VN'] },
    ...changes,
  };
}

/**
 * Takes a draft (of a vetted counterparty) through legal review and both signatures: the manager submits it, the legal
 * officer approves, the admin records each party's signature on `signedAt`. Answers the agreement as the last signature
 * leaves it (active once its term has begun, signed before).
 */
export async function approveAndSign(
  client: ServiceClient,
  id: string,
  signedAt = '2026-02-01T00:00:00Z',
): Promise<AgreementView> {
  const A = SUBJECTS.agreements;
  await client.request(A.submitForReview, { id }, staff.manager);
  await client.request(A.legalDecision, { id, input: { decision: 'approve', comments: 'ok' } }, staff.legal);
  const signature = { signatoryName: 'Someone Signing', signedAt, method: 'in_person' as const };
  await client.request(A.sign, { id, input: { party: 'agency', ...signature } }, staff.admin);
  return client.request(A.sign, { id, input: { party: 'counterparty', ...signature } }, staff.admin);
}
