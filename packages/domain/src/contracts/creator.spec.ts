import { describe, expect, it } from '@jest/globals';
import { ChangeStatusInput, ListCreatorsQuery } from './creator';

describe('ListCreatorsQuery (query strings)', () => {
  it('defaults limit to 50', () => {
    expect(ListCreatorsQuery.parse({}).limit).toBe(50);
  });

  it.each([
    ['1', 1],
    ['25', 25],
    ['200', 200],
    [75, 75],
  ])('coerces limit %j to %j', (limit, expected) => {
    expect(ListCreatorsQuery.parse({ limit }).limit).toBe(expected);
  });

  it.each(['0', '201', 201, '-1', '2.5', 'many'])('rejects limit %j', (limit) => {
    const result = ListCreatorsQuery.safeParse({ limit });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['limit']);
  });

  it.each([
    ['true', true],
    ['false', false],
    [true, true],
    [false, false],
  ])('reads verified %j as %j', (verified, expected) => {
    expect(ListCreatorsQuery.parse({ verified }).verified).toBe(expected);
  });

  it.each(['yes', '1', 'TRUE'])('rejects verified %j', (verified) => {
    expect(ListCreatorsQuery.safeParse({ verified }).success).toBe(false);
  });

  it('leaves verified out when not given', () => {
    expect(ListCreatorsQuery.parse({})).not.toHaveProperty('verified');
  });

  it('coerces minFollowers and trims q', () => {
    expect(ListCreatorsQuery.parse({ minFollowers: '10000', q: '  hồng nhung ' })).toMatchObject({
      minFollowers: 10000,
      q: 'hồng nhung',
    });
  });

  it.each([
    ['status', 'archived'],
    ['topic', 'gossip'],
    ['platform', 'myspace'],
    ['language', 'eng'],
    ['q', '   '],
  ])('rejects %s %j', (field, value) => {
    expect(ListCreatorsQuery.safeParse({ [field]: value }).success).toBe(false);
  });
});

describe('ChangeStatusInput', () => {
  it('requires a non-blank reason', () => {
    expect(ChangeStatusInput.safeParse({ to: 'vetted', reason: '  ' }).success).toBe(false);
    expect(ChangeStatusInput.parse({ to: 'vetted', reason: ' passed ' })).toEqual({ to: 'vetted', reason: 'passed' });
  });
});
