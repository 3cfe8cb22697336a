import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, SUBJECTS, type CreatorView, type UpdateCreatorInput } from '@concord/domain';
import { actors, registration, startTestRegistry, type TestRegistry } from '../test/registry.test-helpers';

const S = SUBJECTS.registry;

describe('a creator update applies every field it accepts', () => {
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

  // One change per field of the contract, and where it shows: a field added to UpdateCreatorInput fails to compile here until it has both.
  const cases: {
    [K in keyof UpdateCreatorInput]-?: {
      value: () => Exclude<UpdateCreatorInput[K], undefined>;
      shows: (view: CreatorView, r: TestRegistry) => Promise<unknown>;
    };
  } = {
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
    '%s: changed, read back, named in the audit entry',
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
