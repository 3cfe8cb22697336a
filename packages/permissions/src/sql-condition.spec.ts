import { describe, expect, it } from '@jest/globals';
import { createMongoAbility } from '@casl/ability';
import { CREATOR_STATUSES, ROLES, type Role } from '@concord/domain';
import { abilityFor, subject, toSqlCondition, type AppAbility, type SqlCondition } from './index';

const CREATOR_COLUMNS = { status: 'c.status' };
const AUDIT_COLUMNS = { orgId: 'a.org_id' };

const actor = (orgId: string, roles: Role[]) => ({ userId: 'u-1', orgId, roles });

/**
 * Evaluates the produced condition against a row without a database: only
 * the shapes this module emits (`1 = 1`, `1 = 0`, `col = :p`, AND/OR/NOT
 * of those) are understood; anything else fails the test.
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
    throw new Error(`unexpected SQL: ${s}`);
  };
  return atom(cond.sql);
}

describe('toSqlCondition for Creator lists', () => {
  it.each(ROLES)('a partner %s sees active creators only, via a status parameter', (role) => {
    const cond = toSqlCondition(abilityFor(actor('mofa', [role])), 'read', 'Creator', CREATOR_COLUMNS);
    expect(cond.sql).toMatch(/^c\.status = :perm_0$/);
    expect(cond.params).toEqual({ perm_0: 'active' });
  });

  it('a partner never gets the status value inlined in the SQL text', () => {
    const cond = toSqlCondition(abilityFor(actor('hcmc-info', ['liaison'])), 'read', 'Creator', CREATOR_COLUMNS);
    expect(cond.sql).not.toContain('active');
  });

  it.each(ROLES)('a lead %s reads every creator: 1 = 1', (role) => {
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
    expect(toSqlCondition(abilityFor(actor('mcst-ttcs', ['reviewer'])), 'read', 'AuditTrail', AUDIT_COLUMNS).sql).toBe('1 = 0');
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
    expect(() => toSqlCondition(ability, 'read', 'Creator', { followers: 'c.followers' })).toThrow('has no SQL translation');
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
