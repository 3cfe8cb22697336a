import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, SUBJECTS, type CreatorView, type UpdateCreatorInput } from '@concord/domain';
import {
  actors,
  registration,
  startTestRegistry,
  type Registration,
  type TestRegistry,
} from '../test/registry.test-helpers';

const S = SUBJECTS.registry;

/**
 * One value per field of a contract `C`, and where it shows in the creator: a field added to the contract fails to
 * compile where the cases are declared until it has both (ADR 0022).
 */
type FieldCases<C> = {
  [K in keyof C]-?: {
    value: () => Exclude<C[K], undefined>;
    shows: (view: CreatorView, r: TestRegistry) => Promise<unknown>;
  };
};

describe('a creator keeps every field its registration and its updates accept', () => {
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
          displayName: 'Công ty Sao Mai',
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

  // Values other than the defaults: a registration that dropped one would show the default instead.
  const registered: FieldCases<Registration> = {
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

  it('registration: answers and stores each field as sent', async () => {
    const fields = Object.entries(registered) as [string, FieldCases<Registration>['kind']][];
    const input = Object.fromEntries(fields.map(([field, { value }]) => [field, value()])) as unknown as Registration;
    const created = await r.client.request(S.creatorCreate, { input }, actors.registrar);
    const reread = await r.client.request(S.creatorGet, { id: created.id }, actors.registrar);
    for (const [field, { value, shows }] of fields) {
      expect({ field, answered: await shows(created, r) }).toEqual({ field, answered: value() });
      expect({ field, stored: await shows(reread, r) }).toEqual({ field, stored: value() });
    }
  });

  const cases: FieldCases<UpdateCreatorInput> = {
    displayName: { value: () => 'Hồng Nhung Du Ký', shows: async (view) => view.displayName },
    topics: { value: () => ['culture', 'history'], shows: async (view) => view.topics },
    languages: { value: () => ['vi', 'fr'], shows: async (view) => view.languages },
    regions: { value: () => ['VN-SG', 'VN-DN'], shows: async (view) => view.regions },
    consent: {
      value: () => ({ givenAt: '2026-03-01T08:00:00.000Z', scope: 'registry and campaigns', evidence: 'form 31/2026' }),
      shows: async (view) => view.consent,
    },
    managementCompanyId: { value: () => company.id, shows: async (view) => view.managementCompanyId },
    personalData: {
      value: () => ({ legalName: 'Nguyễn Thị Hồng Nhung', phone: '+84987654321' }),
      shows: async (view, reg) => {
        const { legalName, phone } = await reg.client.request(
          S.creatorReadPersonalData,
          { id: view.id, reason: 'checking the update test' },
          actors.admin,
        );
        return { legalName, phone };
      },
    },
  };

  it.each(Object.keys(cases) as (keyof UpdateCreatorInput)[])(
    'update of %s: changed, read back, named in the audit entry',
    async (field) => {
      const created = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
      const { value, shows } = cases[field] as {
        value: () => unknown;
        shows: (view: CreatorView, r: TestRegistry) => Promise<unknown>;
      };
      const updated = await r.client.request(
        S.creatorUpdate,
        { id: created.id, expectedVersion: created.version, changes: { [field]: value() } },
        actors.registrar,
      );
      expect(await shows(updated, r)).toEqual(value());
      const reread = await r.client.request(S.creatorGet, { id: created.id }, actors.registrar);
      expect(await shows(reread, r)).toEqual(value());
      const [audit] = await r.db.query(
        "SELECT data FROM audit_entries WHERE subject = $1 AND action = 'creator.updated'",
        [`creator:${created.id}`],
      );
      expect(audit.data.changed).toEqual([field]);
    },
  );

  it('answers a change to values the creator already has with the creator as it is: no new version, audit entry or event', async () => {
    const created = await r.client.request(S.creatorCreate, { input: registration() }, actors.registrar);
    const same = await r.client.request(
      S.creatorUpdate,
      {
        id: created.id,
        expectedVersion: created.version,
        changes: { displayName: created.displayName, topics: created.topics, regions: created.regions },
      },
      actors.registrar,
    );
    expect(same.version).toBe(created.version);
    expect((await r.client.request(S.creatorGet, { id: created.id }, actors.registrar)).version).toBe(created.version);
    expect(
      await r.db.query(
        "SELECT count(*)::int AS n FROM audit_entries WHERE subject = $1 AND action = 'creator.updated'",
        [`creator:${created.id}`],
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await r.db.query(
        "SELECT count(*)::int AS n FROM outbox WHERE subject = $1 AND envelope->'data'->'creator'->>'id' = $2",
        [EVENTS.registry.creatorUpdated, created.id],
      ),
    ).toEqual([{ n: 0 }]);

    const renamed = await r.client.request(
      S.creatorUpdate,
      {
        id: created.id,
        expectedVersion: created.version,
        changes: { displayName: 'Hồng Nhung Travel', topics: created.topics },
      },
      actors.registrar,
    );
    expect(renamed.version).toBe(created.version + 1);
    const [audit] = await r.db.query(
      "SELECT data FROM audit_entries WHERE subject = $1 AND action = 'creator.updated'",
      [`creator:${created.id}`],
    );
    expect(audit.data.changed).toEqual(['displayName']);
  });
});
