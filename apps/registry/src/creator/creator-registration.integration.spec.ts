import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SUBJECTS, type CreatorView } from '@concord/domain';
import {
  actors,
  registration,
  startTestRegistry,
  type Registration,
  type TestRegistry,
} from '../test/registry.test-helpers';

const S = SUBJECTS.registry;

describe('a registration keeps every field it accepts', () => {
  const tag = Date.now().toString(36);
  let r: TestRegistry;
  let company: CreatorView;

  beforeAll(async () => {
    r = await startTestRegistry();
    company = await r.client.request(
      S.creatorCreate,
      {
        input: registration({
          kind: 'management_company',
          displayName: 'Công ty Hoa Sen Media',
          personalData: null,
          consent: null,
        }),
      },
      actors.registrar,
    );
  });
  afterAll(async () => {
    await r.stop();
  });

  // One value per field of the contract, other than its default, and where it shows: a field added to the registration
  // contract fails to compile here until it has both, and fails the test if the registry does not keep it.
  const cases: {
    [K in keyof Registration]-?: {
      value: () => Exclude<Registration[K], undefined>;
      shows: (view: CreatorView, r: TestRegistry) => Promise<unknown>;
    };
  } = {
    kind: { value: () => 'individual', shows: async (view) => view.kind },
    displayName: { value: () => 'Trần Minh Khoa Kể Chuyện', shows: async (view) => view.displayName },
    personalData: {
      value: () => ({ legalName: 'Trần Minh Khoa', nationalId: '079088001234', email: 'khoa@example.vn' }),
      shows: async (view, reg) => {
        const { legalName, nationalId, email } = await reg.client.request(
          S.creatorReadPersonalData,
          { id: view.id, reason: 'checking the registration test' },
          actors.admin,
        );
        return { legalName, nationalId, email };
      },
    },
    consent: {
      value: () => ({ givenAt: '2026-04-02T08:00:00.000Z', scope: 'registry', evidence: 'form 44/2026' }),
      shows: async (view) => view.consent,
    },
    channels: {
      value: () => [
        {
          platform: 'youtube',
          handle: `minhkhoa_${tag}`,
          url: 'https://www.youtube.com/@minhkhoa',
          followers: 5400,
          verified: false,
        },
      ],
      shows: async (view) =>
        view.channels.map(({ platform, handle, url, followers, verified }) => ({
          platform,
          handle,
          url,
          followers,
          verified,
        })),
    },
    topics: { value: () => ['history', 'education'], shows: async (view) => view.topics },
    languages: { value: () => ['vi', 'ja'], shows: async (view) => view.languages },
    regions: { value: () => ['VN-HUE'], shows: async (view) => view.regions },
    managementCompanyId: { value: () => company.id, shows: async (view) => view.managementCompanyId },
  };

  it('answers and stores each field as sent', async () => {
    const input = Object.fromEntries(
      Object.entries(cases).map(([field, { value }]) => [field, value()]),
    ) as unknown as Registration;
    const created = await r.client.request(S.creatorCreate, { input }, actors.registrar);
    const reread = await r.client.request(S.creatorGet, { id: created.id }, actors.registrar);
    for (const [field, { value, shows }] of Object.entries(cases) as [
      string,
      { value: () => unknown; shows: (view: CreatorView, r: TestRegistry) => Promise<unknown> },
    ][]) {
      expect({ field, answered: await shows(created, r) }).toEqual({ field, answered: value() });
      expect({ field, stored: await shows(reread, r) }).toEqual({ field, stored: value() });
    }
  });
});
