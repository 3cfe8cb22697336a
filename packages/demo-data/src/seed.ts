import { createHash } from 'node:crypto';
import { createConcordClient, devToken, type ConcordClient } from '@concord/client';
import { demoCalendar } from './demo-calendar';
import { demoCreators, type DemoCreator } from './demo-creators';
import { seedDemoAgreements } from './seed-agreements';
import { seedDemoCampaigns } from './seed-campaigns';

const PATH_TO: Record<DemoCreator['status'], ('vetted' | 'active' | 'suspended')[]> = {
  prospect: [],
  vetted: ['vetted'],
  active: ['vetted', 'active'],
  suspended: ['vetted', 'active', 'suspended'],
};

const REASONS = {
  vetted: 'Demo data: vetting passed (identity, past content, no incidents)',
  active: 'Demo data: cooperation agreement in force',
  suspended: 'Demo data: suspended pending review of an undisclosed sponsorship',
};

/**
 * Loads the demo creators through the API, as the registrar would. Every
 * write carries a stable Idempotency-Key, so running it again (every
 * `npm start`) changes nothing.
 */
export async function seedDemoData(
  baseUrl: string,
  log: (line: string) => void = console.log,
): Promise<{ creators: number; agreements: number }> {
  const api = createConcordClient({ baseUrl, token: await devToken(baseUrl, 'registrar@mcst') });
  const all = demoCreators();
  // Keys name this exact data set: a changed generator seeds anew instead of colliding with old keys.
  // (Since the demo's dates count from its anchor, the keys name that too: older data sets had fixed dates.)
  const version = createHash('sha256')
    .update(JSON.stringify(all))
    .update('dates from the anchor')
    .digest('hex')
    .slice(0, 10);
  const ids = new Map<string, string>();
  const companies = all.filter((c) => c.input.kind === 'management_company');
  const individuals = all.filter((c) => c.input.kind !== 'management_company');
  await inParallel(companies, 4, async (c) => ids.set(c.key, await register(api, version, c, null)));
  await inParallel(individuals, 8, async (c) => {
    const companyId = c.managementCompanyKey ? (ids.get(c.managementCompanyKey) ?? null) : null;
    ids.set(c.key, await register(api, version, c, companyId));
  });
  await inParallel(all, 8, async (c) => {
    // `vetted` needs a passed vetting result on record (a replay of the same key records nothing new).
    if (PATH_TO[c.status].length) {
      const { error, response } = await api.POST('/v1/creators/{id}/vetting', {
        params: { path: { id: ids.get(c.key)! }, header: { 'Idempotency-Key': `demo-${version}-${c.key}-vetting` } },
        body: { outcome: 'passed', notes: REASONS.vetted },
      });
      if (!response.ok) throw new Error(`Seeding ${c.key}'s vetting: ${JSON.stringify(error)}`);
    }
    for (const to of PATH_TO[c.status]) {
      const { error, response } = await api.POST('/v1/creators/{id}/status', {
        params: { path: { id: ids.get(c.key)! }, header: { 'Idempotency-Key': `demo-${version}-${c.key}-${to}` } },
        body: { to, reason: REASONS[to] },
      });
      // 409: the creator was moved by hand since; the demo leaves it where it is.
      if (!response.ok && response.status !== 409)
        throw new Error(`Seeding ${c.key} → ${to}: ${JSON.stringify(error)}`);
    }
  });
  // The demo's dates count from the day it was first loaded: the first company's registration, which a replay answers unchanged.
  const first = await api.GET('/v1/creators/{id}', { params: { path: { id: ids.get(companies[0].key)! } } });
  if (!first.data) throw new Error(`Reading the demo's first creator: ${JSON.stringify(first.error)}`);
  const calendar = demoCalendar(new Date(first.data.createdAt));
  const activeIndividuals = individuals
    .filter((c) => c.status === 'active')
    .slice(0, 3)
    .map((c) => ids.get(c.key)!);
  const agreements = await seedDemoAgreements(
    baseUrl,
    version,
    {
      companies: [ids.get(companies[0].key)!, ids.get(companies[1].key)!],
      activeIndividuals,
    },
    calendar,
  );
  // The joint campaign's brief goes to the active creators of the company whose agreement is active.
  const briefed = individuals
    .filter((c) => c.status === 'active' && c.managementCompanyKey === companies[0].key)
    .slice(0, 40)
    .map((c) => ({
      id: ids.get(c.key)!,
      handle: c.input.channels[0].handle,
      channels: c.input.channels.map(({ platform, handle }) => ({ platform, handle })),
    }));
  const requests = await seedDemoCampaigns(baseUrl, version, calendar, briefed);
  log(
    `demo data: ${all.length} creators in the registry, ${agreements} agreements, ${requests} joint campaign requests`,
  );
  return { creators: all.length, agreements };
}

async function register(
  api: ConcordClient,
  version: string,
  c: DemoCreator,
  managementCompanyId: string | null,
): Promise<string> {
  const { data, error, response } = await api.POST('/v1/creators', {
    params: { header: { 'Idempotency-Key': `demo-${version}-${c.key}` } },
    body: { ...c.input, managementCompanyId },
  });
  if (data) return data.id;
  const existing = error as { code?: string; existingCreatorId?: string } | undefined;
  if (response.status === 409 && existing?.code === 'creator.channel_taken' && existing.existingCreatorId)
    return existing.existingCreatorId;
  throw new Error(`Seeding ${c.key}: ${response.status} ${JSON.stringify(error)}`);
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
