import { describe, expect, it } from '@jest/globals';
import { createMongoAbility } from '@casl/ability';
import { CREATOR_STATUSES, ROLES, type Role } from '@concord/domain';

/** Agency staff roles (`creator` grants nothing in an agency; see the permission matrix). */
const STAFF_ROLES = ROLES.filter((r) => r !== 'creator');
import { abilityFor, subject, toSqlCondition, type AppAbility, type SqlCondition } from './index';

const CREATOR_COLUMNS = { status: 'c.status' };
const AUDIT_COLUMNS = { orgId: 'a.org_id' };
const CAMPAIGN_COLUMNS = { ownerAgencyId: 'c.owner_agency_id', partnerAgencyIds: { array: 'c.partner_agency_ids' } };
const REQUEST_COLUMNS = { fromAgencyId: 'r.from_agency_id', toAgencyId: 'r.to_agency_id' };

const actor = (orgId: string, roles: Role[]) => ({ userId: 'u-1', orgId, roles });

/**
 * Evaluates the produced condition against a row without a database: only
 * the shapes this module emits (`1 = 1`, `1 = 0`, `col = :p`,
 * `:p = ANY(arraycol)`, AND/OR/NOT of those) are understood; anything else fails the test.
 */
function holds(cond: SqlCondition, row: Record<string, unknown>): boolean {
  const atom = (s: string): boolean => {
    s = s.trim();
    if (s === '1 = 1') return true;
    if (s === '1 = 0') return false;
    const not = /^NOT \((.*)\)$/.exec(s);
    if (not) return !atom(not[1]);
    const paren = /^\((.*)\)$/.exec(s);
    if (paren) {
      const inner = paren[1];
      if (inner.includes(' OR ')) return inner.split(' OR ').some(atom);
      return inner.split(' AND ').every(atom);
    }
    const eq = /^([\w.]+) = :(\w+)$/.exec(s);
    if (eq) return row[eq[1]] === cond.params[eq[2]];
    const ne = /^([\w.]+) <> :(\w+)$/.exec(s);
    if (ne) return row[ne[1]] !== cond.params[ne[2]];
    const any = /^([\w.]+) = ANY\(:(\w+)\)$/.exec(s);
    if (any) return (cond.params[any[2]] as unknown[]).includes(row[any[1]]);
    const member = /^:(\w+) = ANY\(([\w.]+)\)$/.exec(s);
    if (member) return (row[member[2]] as unknown[]).includes(cond.params[member[1]]);
    throw new Error(`unexpected SQL: ${s}`);
  };
  return atom(cond.sql);
}

describe('toSqlCondition for Creator lists', () => {
  it.each(STAFF_ROLES)('a partner %s sees active creators only, via a status parameter', (role) => {
    const cond = toSqlCondition(abilityFor(actor('mofa', [role])), 'read', 'Creator', CREATOR_COLUMNS);
    expect(cond.sql).toMatch(/^c\.status = :perm_0$/);
    expect(cond.params).toEqual({ perm_0: 'active' });
  });

  it('a partner never gets the status value inlined in the SQL text', () => {
    const cond = toSqlCondition(abilityFor(actor('hcmc-info', ['liaison'])), 'read', 'Creator', CREATOR_COLUMNS);
    expect(cond.sql).not.toContain('active');
  });

  it.each(STAFF_ROLES)('a lead %s reads every creator: 1 = 1', (role) => {
    const cond = toSqlCondition(abilityFor(actor('mcst-ttcs', [role])), 'read', 'Creator', CREATOR_COLUMNS);
    expect(cond).toEqual({ sql: '1 = 1', params: {} });
  });

  it.each<[string, string, Role[], string]>([
    ['an unknown org', 'nowhere', ['admin'], 'read'],
    ['a lead user without roles', 'mcst-ttcs', [], 'read'],
    ['a partner user without roles', 'mofa', [], 'read'],
    ['a partner reviewer reading restricted data', 'mofa', ['reviewer'], 'read_restricted'],
    ['a lead reviewer reading personal data', 'mcst-ttcs', ['reviewer'], 'read_personal_data'],
  ])('%s gets nothing: 1 = 0', (_label, orgId, roles, action) => {
    const cond = toSqlCondition(abilityFor(actor(orgId, roles)), action as 'read', 'Creator', CREATOR_COLUMNS);
    expect(cond).toEqual({ sql: '1 = 0', params: {} });
  });

  it('refuses to drop a filter whose field has no column', () => {
    expect(() => toSqlCondition(abilityFor(actor('mofa', ['reviewer'])), 'read', 'Creator', {})).toThrow(
      'No SQL column for permission field "status" of Creator',
    );
  });

  it('does not need columns when there is no condition', () => {
    expect(toSqlCondition(abilityFor(actor('mcst-ttcs', ['reviewer'])), 'read', 'Creator', {}).sql).toBe('1 = 1');
  });

  // The list filter must agree with the one-at-a-time check for every row.
  const cases = [
    ...['mcst-ttcs', 'mofa', 'hanoi-tourism', 'nowhere'].flatMap((orgId) =>
      (['reviewer', 'admin'] as Role[]).flatMap((role) =>
        (['read', 'read_restricted', 'update'] as const).flatMap((action) =>
          CREATOR_STATUSES.map((status) => ({ orgId, role, action, status })),
        ),
      ),
    ),
  ];
  it.each(cases)(
    '$orgId $role $action: the SQL filter admits a $status row exactly when the ability does',
    ({ orgId, role, action, status }) => {
      const ability = abilityFor(actor(orgId, [role]));
      const cond = toSqlCondition(ability, action, 'Creator', CREATOR_COLUMNS);
      expect(holds(cond, { 'c.status': status })).toBe(ability.can(action, subject('Creator', { status })));
    },
  );
});

describe('toSqlCondition for the AuditTrail', () => {
  it('an auditor sees their own agency only', () => {
    const cond = toSqlCondition(abilityFor(actor('hanoi-tourism', ['auditor'])), 'verify', 'AuditTrail', AUDIT_COLUMNS);
    expect(cond).toEqual({ sql: 'a.org_id = :perm_0', params: { perm_0: 'hanoi-tourism' } });
    expect(holds(cond, { 'a.org_id': 'hanoi-tourism' })).toBe(true);
    expect(holds(cond, { 'a.org_id': 'mcst-ttcs' })).toBe(false);
  });

  it('a reviewer sees none', () => {
    expect(toSqlCondition(abilityFor(actor('mcst-ttcs', ['reviewer'])), 'read', 'AuditTrail', AUDIT_COLUMNS).sql).toBe(
      '1 = 0',
    );
  });
});

describe('toSqlCondition operators', () => {
  type Can = (action: string, subject: string, conditions?: object) => void;
  function custom(define: (can: Can) => void): AppAbility {
    const rules: { action: string; subject: string; conditions?: object }[] = [];
    define((action, subject, conditions) => rules.push({ action, subject, conditions }));
    return createMongoAbility(rules) as unknown as AppAbility;
  }

  it('joins alternative rules with OR, one parameter each', () => {
    const ability = custom((can) => {
      can('read', 'Creator', { status: 'active' });
      can('read', 'Creator', { status: 'suspended' });
    });
    const cond = toSqlCondition(ability, 'read', 'Creator', CREATOR_COLUMNS);
    expect(cond.sql).toContain(' OR ');
    expect(Object.values(cond.params).sort()).toEqual(['active', 'suspended']);
    expect(CREATOR_STATUSES.filter((s) => holds(cond, { 'c.status': s })).sort()).toEqual(['active', 'suspended']);
  });

  it('turns $in into = ANY with an array parameter', () => {
    const ability = custom((can) => can('read', 'Creator', { status: { $in: ['vetted', 'active'] } }));
    const cond = toSqlCondition(ability, 'read', 'Creator', CREATOR_COLUMNS);
    expect(cond).toEqual({ sql: 'c.status = ANY(:perm_0)', params: { perm_0: ['vetted', 'active'] } });
  });

  it('refuses operators it cannot translate instead of ignoring them', () => {
    const ability = custom((can) => can('read', 'Creator', { followers: { $gt: 10000 } }));
    expect(() => toSqlCondition(ability, 'read', 'Creator', { followers: 'c.followers' })).toThrow(
      'has no SQL translation',
    );
  });
});

describe('cannot rules', () => {
  it('turns a conditional cannot into NOT (...) instead of failing', () => {
    const ability = createMongoAbility([
      { action: 'read', subject: 'Creator' },
      { action: 'read', subject: 'Creator', conditions: { status: 'offboarded' }, inverted: true },
    ]) as unknown as AppAbility;
    const condition = toSqlCondition(ability, 'read', 'Creator', { status: 'c.status' });
    expect(condition.sql).toBe('NOT (c.status = :perm_0)');
    expect(condition.params).toEqual({ perm_0: 'offboarded' });
  });
});

describe('toSqlCondition for Campaign lists (array column)', () => {
  it.each(['mofa', 'hcmc-info', 'hanoi-tourism'].flatMap((orgId) => STAFF_ROLES.map((role) => ({ orgId, role }))))(
    'a partner $orgId $role reads campaigns listing it: :perm_0 = ANY(c.partner_agency_ids)',
    ({ orgId, role }) => {
      const cond = toSqlCondition(abilityFor(actor(orgId, [role])), 'read', 'Campaign', {
        partnerAgencyIds: { array: 'c.partner_agency_ids' },
      });
      expect(cond).toEqual({ sql: ':perm_0 = ANY(c.partner_agency_ids)', params: { perm_0: orgId } });
    },
  );

  it('a partner gets the same filter when the owner column is mapped too', () => {
    const cond = toSqlCondition(abilityFor(actor('mofa', ['liaison'])), 'read', 'Campaign', CAMPAIGN_COLUMNS);
    expect(cond).toEqual({ sql: ':perm_0 = ANY(c.partner_agency_ids)', params: { perm_0: 'mofa' } });
    expect(holds(cond, { 'c.partner_agency_ids': ['hcmc-info', 'mofa'] })).toBe(true);
    expect(holds(cond, { 'c.partner_agency_ids': ['hcmc-info', 'hanoi-tourism'] })).toBe(false);
    expect(holds(cond, { 'c.partner_agency_ids': [] })).toBe(false);
  });

  it.each<[string, Role[], 'read' | 'create' | 'update' | 'change_status']>([
    ['a reviewer reads', ['reviewer'], 'read'],
    ['an admin updates', ['admin'], 'update'],
    ['a campaign manager changes status of', ['campaign_manager'], 'change_status'],
  ])('the lead agency: %s its own campaigns by the owner column', (_label, roles, action) => {
    const cond = toSqlCondition(abilityFor(actor('mcst-ttcs', roles)), action, 'Campaign', CAMPAIGN_COLUMNS);
    expect(cond).toEqual({ sql: 'c.owner_agency_id = :perm_0', params: { perm_0: 'mcst-ttcs' } });
  });

  it.each<[string, string, Role[], 'read' | 'update' | 'create']>([
    ['a partner admin updating', 'mofa', ['admin'], 'update'],
    ['a partner liaison creating', 'hcmc-info', ['liaison'], 'create'],
    ['a lead reviewer updating', 'mcst-ttcs', ['reviewer'], 'update'],
    ['an unknown org reading', 'nowhere', ['admin'], 'read'],
    ['a partner without roles reading', 'mofa', [], 'read'],
  ])('%s campaigns gets nothing: 1 = 0', (_label, orgId, roles, action) => {
    expect(toSqlCondition(abilityFor(actor(orgId, roles)), action, 'Campaign', CAMPAIGN_COLUMNS)).toEqual({
      sql: '1 = 0',
      params: {},
    });
  });

  it('refuses a partner read without an array column for partnerAgencyIds', () => {
    expect(() =>
      toSqlCondition(abilityFor(actor('mofa', ['reviewer'])), 'read', 'Campaign', {
        ownerAgencyId: 'c.owner_agency_id',
      }),
    ).toThrow('No SQL column for permission field "partnerAgencyIds" of Campaign');
  });

  // The list filter must agree with the one-at-a-time check for every row.
  const campaignRows = [
    { owner: 'mcst-ttcs', partners: [] as string[] },
    { owner: 'mcst-ttcs', partners: ['mofa'] },
    { owner: 'mcst-ttcs', partners: ['hcmc-info', 'hanoi-tourism'] },
    { owner: 'mcst-ttcs', partners: ['hcmc-info', 'mofa', 'hanoi-tourism'] },
    { owner: 'mofa', partners: ['mcst-ttcs'] },
    { owner: 'mofa', partners: [] as string[] },
  ];
  const campaignCases = ['mcst-ttcs', 'mofa', 'hanoi-tourism', 'nowhere'].flatMap((orgId) =>
    (['reviewer', 'admin'] as Role[]).flatMap((role) =>
      (['read', 'update'] as const).flatMap((action) => campaignRows.map((row) => ({ orgId, role, action, ...row }))),
    ),
  );
  it.each(campaignCases)(
    '$orgId $role $action: the SQL filter admits a campaign of $owner with partners $partners exactly when the ability does',
    ({ orgId, role, action, owner, partners }) => {
      const ability = abilityFor(actor(orgId, [role]));
      const cond = toSqlCondition(ability, action, 'Campaign', CAMPAIGN_COLUMNS);
      const row = { 'c.owner_agency_id': owner, 'c.partner_agency_ids': partners };
      expect(holds(cond, row)).toBe(
        ability.can(action, subject('Campaign', { ownerAgencyId: owner, partnerAgencyIds: [...partners] })),
      );
    },
  );
});

describe('toSqlCondition for CampaignRequest lists', () => {
  const disjuncts = (cond: SqlCondition) => {
    const m = /^\((.*)\)$/.exec(cond.sql);
    expect(m).not.toBeNull();
    return m![1].split(' OR ').sort();
  };

  it.each(
    ['mofa', 'hcmc-info', 'hanoi-tourism', 'mcst-ttcs'].flatMap((orgId) =>
      (['reviewer', 'liaison'] as Role[]).map((role) => ({ orgId, role })),
    ),
  )(
    '$orgId $role reads requests from or to its agency: an OR of both columns, its org as params',
    ({ orgId, role }) => {
      const cond = toSqlCondition(abilityFor(actor(orgId, [role])), 'read', 'CampaignRequest', REQUEST_COLUMNS);
      expect(cond.sql).toContain(' OR ');
      expect(disjuncts(cond)).toEqual([
        expect.stringMatching(/^r\.from_agency_id = :perm_[01]$/),
        expect.stringMatching(/^r\.to_agency_id = :perm_[01]$/),
      ]);
      expect(Object.keys(cond.params).sort()).toEqual(['perm_0', 'perm_1']);
      expect(Object.values(cond.params)).toEqual([orgId, orgId]);
      expect(cond.sql).not.toContain(orgId);
    },
  );

  it.each<[string, string, Role[], 'create' | 'follow_up' | 'answer', string | null]>([
    ['a partner liaison creates', 'mofa', ['liaison'], 'create', 'r.from_agency_id'],
    ['a partner admin follows up', 'hcmc-info', ['admin'], 'follow_up', 'r.from_agency_id'],
    ['a lead campaign manager answers', 'mcst-ttcs', ['campaign_manager'], 'answer', 'r.to_agency_id'],
    ['a lead admin answers', 'mcst-ttcs', ['admin'], 'answer', 'r.to_agency_id'],
    ['a partner reviewer creates', 'mofa', ['reviewer'], 'create', null],
    ['a partner admin answers', 'mofa', ['admin'], 'answer', null],
    ['a lead admin creates', 'mcst-ttcs', ['admin'], 'create', null],
    ['a lead reviewer answers', 'mcst-ttcs', ['reviewer'], 'answer', null],
  ])('%s: filtered on %s', (_label, orgId, roles, action, col) => {
    const cond = toSqlCondition(abilityFor(actor(orgId, roles)), action, 'CampaignRequest', REQUEST_COLUMNS);
    expect(cond).toEqual(
      col === null ? { sql: '1 = 0', params: {} } : { sql: `${col} = :perm_0`, params: { perm_0: orgId } },
    );
  });

  const requestCases = ['mcst-ttcs', 'mofa', 'hanoi-tourism', 'nowhere'].flatMap((orgId) =>
    (['reviewer', 'admin', 'liaison'] as Role[]).flatMap((role) =>
      (['read', 'create', 'answer'] as const).flatMap((action) =>
        [
          ['mofa', 'mcst-ttcs'],
          ['mcst-ttcs', 'hanoi-tourism'],
          ['hcmc-info', 'mcst-ttcs'],
          ['mofa', 'hanoi-tourism'],
        ].map(([from, to]) => ({ orgId, role, action, from, to })),
      ),
    ),
  );
  it.each(requestCases)(
    '$orgId $role $action: the SQL filter admits a request $from → $to exactly when the ability does',
    ({ orgId, role, action, from, to }) => {
      const ability = abilityFor(actor(orgId, [role]));
      const cond = toSqlCondition(ability, action, 'CampaignRequest', REQUEST_COLUMNS);
      const row = { 'r.from_agency_id': from, 'r.to_agency_id': to };
      expect(holds(cond, row)).toBe(
        ability.can(action, subject('CampaignRequest', { fromAgencyId: from, toAgencyId: to })),
      );
    },
  );
});

describe('toSqlCondition on array columns', () => {
  const custom = (conditions: object) =>
    createMongoAbility([{ action: 'read', subject: 'Campaign', conditions }]) as unknown as AppAbility;
  const ARRAY = { partnerAgencyIds: { array: 'c.partner_agency_ids' } };

  it('translates equality as membership', () => {
    expect(toSqlCondition(custom({ partnerAgencyIds: 'mofa' }), 'read', 'Campaign', ARRAY)).toEqual({
      sql: ':perm_0 = ANY(c.partner_agency_ids)',
      params: { perm_0: 'mofa' },
    });
  });

  it.each<[string, object]>([
    ['$ne', { partnerAgencyIds: { $ne: 'mofa' } }],
    ['$in', { partnerAgencyIds: { $in: ['mofa', 'hcmc-info'] } }],
    ['$nin', { partnerAgencyIds: { $nin: ['mofa'] } }],
    ['$all', { partnerAgencyIds: { $all: ['mofa'] } }],
    ['$size', { partnerAgencyIds: { $size: 2 } }],
  ])('refuses %s on an array column instead of translating it as if it were scalar', (_op, conditions) => {
    expect(() => toSqlCondition(custom(conditions), 'read', 'Campaign', ARRAY)).toThrow(
      /is an array; only equality is translated|has no SQL translation/,
    );
  });

  it('names the array field when refusing a non-equality operator', () => {
    expect(() => toSqlCondition(custom({ partnerAgencyIds: { $ne: 'mofa' } }), 'read', 'Campaign', ARRAY)).toThrow(
      'Permission field "partnerAgencyIds" of Campaign is an array; only equality is translated',
    );
  });

  it('answers the same question with different column specs differently', () => {
    const ability = abilityFor(actor('mofa', ['reviewer']));
    expect(toSqlCondition(ability, 'read', 'Campaign', ARRAY).sql).toBe(':perm_0 = ANY(c.partner_agency_ids)');
    expect(toSqlCondition(ability, 'read', 'Campaign', { partnerAgencyIds: 'c.partner' }).sql).toBe(
      'c.partner = :perm_0',
    );
  });
});
