import { randomBytes } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  CREATORS_ORG,
  createEnvelope,
  EVENTS,
  namespaceSubject,
  SUBJECTS,
  type Actor,
  type AgreementEventData,
  type CreatorStatusName,
  type PLATFORMS,
  type RequestOf,
  type TOPICS,
} from '@concord/domain';
import type { ServiceClient } from '@concord/messaging';

/** The seeded staff, as services' tests act. */
export const staff = {
  registrar: { userId: 'registrar@mcst', orgId: 'mcst-ttcs', roles: ['registry_officer'] },
  manager: { userId: 'manager@mcst', orgId: 'mcst-ttcs', roles: ['campaign_manager'] },
  reviewer: { userId: 'reviewer@mcst', orgId: 'mcst-ttcs', roles: ['reviewer'] },
  legal: { userId: 'legal@mcst', orgId: 'mcst-ttcs', roles: ['legal_officer'] },
  admin: { userId: 'admin@mcst', orgId: 'mcst-ttcs', roles: ['admin'] },
  auditor: { userId: 'auditor@mcst', orgId: 'mcst-ttcs', roles: ['auditor'] },
  mofa: { userId: 'liaison@mofa', orgId: 'mofa', roles: ['liaison'] },
  mofaReviewer: { userId: 'reviewer@mofa', orgId: 'mofa', roles: ['reviewer'] },
  hcmc: { userId: 'liaison@hcmc', orgId: 'hcmc-info', roles: ['liaison'] },
} satisfies Record<string, Actor>;

/** A registration as the registrar sends it (`creator.create`'s input, `POST /v1/creators`'s body). */
export type Registration = RequestOf<typeof SUBJECTS.registry.creatorCreate>['input'];

/**
 * The test registration every suite starts from: a valid individual with personal data under consent and one TikTok
 * channel under a handle of its own (or `handle`), changed by `overrides`. The legal name follows the display name.
 */
export function creatorRegistration(overrides: Partial<Registration> & { handle?: string } = {}): Registration {
  const { handle = `hongnhung_${randomBytes(3).toString('hex')}`, ...changes } = overrides;
  const displayName = changes.displayName ?? 'Nguyễn Thị Hồng Nhung';
  return {
    kind: 'individual',
    displayName,
    personalData: {
      legalName: displayName,
      nationalId: '001199012345',
      phone: '+84912345678',
      email: 'nhung@example.vn',
    },
    consent: { givenAt: '2026-01-05T09:00:00Z', scope: 'registry', evidence: 'form 12/2026' },
    channels: [
      { platform: 'tiktok', handle, url: `https://www.tiktok.com/@${handle}`, followers: 120000, verified: true },
    ],
    topics: ['tourism'],
    languages: ['vi', 'en'],
    regions: ['VN-HN'],
    managementCompanyId: null,
    ...changes,
  };
}

/** A creator signed in as themselves. */
export const creatorActor = (creatorId: string, handle = creatorId.slice(-6)): Actor => ({
  userId: `creator@${handle}`,
  orgId: CREATORS_ORG,
  roles: ['creator'],
  creatorId,
});

let handles = 0;

/** Registers a creator through the registry and moves them to `status`, as the registrar would. Returns the id and the handle of their channels. */
export async function registerCreator(
  client: ServiceClient,
  name: string,
  options: {
    status?: 'prospect' | 'vetted' | 'active' | 'suspended';
    companyId?: string | null;
    kind?: 'individual' | 'management_company';
    platforms?: (typeof PLATFORMS)[number][];
    topics?: (typeof TOPICS)[number][];
  } = {},
): Promise<string> {
  return (await registerCreatorWithHandle(client, name, options)).id;
}

export async function registerCreatorWithHandle(
  client: ServiceClient,
  name: string,
  options: Parameters<typeof registerCreator>[2] = {},
): Promise<{ id: string; handle: string }> {
  const handle = `c_${randomBytes(3).toString('hex')}${handles++}`;
  const creator = await client.request(
    SUBJECTS.registry.creatorCreate,
    {
      input: {
        kind: options.kind ?? 'individual',
        displayName: name,
        personalData: {
          legalName: name,
          nationalId: '001199012345',
          phone: '+84912345678',
          email: 'creator@example.vn',
        },
        consent: { givenAt: '2026-01-05T09:00:00Z', scope: 'registry', evidence: 'form 12/2026' },
        channels: (options.platforms ?? ['tiktok']).map((platform) => ({
          platform,
          handle,
          url: `https://www.${platform}.com/@${handle}`,
          followers: 50_000,
          verified: true,
        })),
        topics: options.topics ?? ['tourism'],
        languages: ['vi', 'en'],
        regions: ['VN-HN'],
        managementCompanyId: options.companyId ?? null,
      },
    },
    staff.registrar,
  );
  const paths: Record<'prospect' | 'vetted' | 'active' | 'suspended', CreatorStatusName[]> = {
    prospect: [],
    vetted: ['vetted'],
    active: ['vetted', 'active'],
    suspended: ['vetted', 'active', 'suspended'],
  };
  const path = paths[options.status ?? 'active'];
  // `vetted` needs a passed vetting result on record.
  if (path.length)
    await client.request(
      SUBJECTS.registry.creatorAddVetting,
      { id: creator.id, input: { outcome: 'passed', notes: 'test: vetting passed' } },
      staff.registrar,
    );
  for (const to of path) {
    await client.request(
      SUBJECTS.registry.creatorChangeStatus,
      { id: creator.id, input: { to, reason: `test: ${to}` } },
      staff.registrar,
    );
  }
  return { id: creator.id, handle };
}

/** Publishes an event into JetStream as another service's outbox relay would. Returns the event id. */
export async function publishEvent(
  nc: NatsConnection,
  env: string,
  subject: string,
  actor: Actor,
  data: unknown,
  id?: string,
): Promise<string> {
  const envelope = { ...createEnvelope(subject, actor, data), ...(id ? { id } : {}) };
  await jetstream(nc).publish(namespaceSubject(env, subject), JSON.stringify(envelope), { msgID: envelope.id });
  return envelope.id;
}

/** An agreements-service event, as its relay would publish it. */
export function publishAgreementEvent(
  nc: NatsConnection,
  env: string,
  kind: 'activated' | 'ended' | 'amended',
  agreement: Partial<Omit<AgreementEventData, 'disclosureLabel' | 'budget'>> & {
    agreementId: string;
    counterpartyId: string;
    disclosureLabel?: string | null;
    budget?: number | null;
  },
): Promise<string> {
  const data: AgreementEventData = {
    number: 'TTDN-2026-0001',
    agencyId: 'mcst-ttcs',
    status: kind === 'ended' ? 'terminated' : 'active',
    term: { start: '2026-01-01', end: '2027-12-31' },
    deliverables: [{ platform: 'tiktok', quantity: 100 }],
    disclosureLabel: '#HợpTác cùng Cục TTCS&TTĐN',
    budget: null,
    reason: null,
    ...agreement,
  };
  return publishEvent(nc, env, EVENTS.agreements[kind], staff.admin, data);
}

/** Waits until `probe` returns something truthy. */
export async function eventually<T>(
  probe: () => Promise<T>,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600_000);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
