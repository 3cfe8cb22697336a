import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { DomainError } from '../errors';
import { parseOrThrow } from '../validation';
import { CampaignInput, AgencyTaskInput, BriefInput } from './campaign';
import { CalendarQuery, FanOutInput } from './assignment';
import { CreateAgreementInput } from './agreement';
import { CommentInput, MetricsInput } from './approval';
import { ListCreatorsQuery, RegisterCreatorInput } from './creator';

function refusal(schema: z.ZodType, value: unknown): DomainError {
  try {
    parseOrThrow(schema, value);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('validation.failed');
    return e as DomainError;
  }
  throw new Error('expected validation.failed, the value was accepted');
}
const paths = (e: DomainError) => [...new Set(e.errors.map((x) => x.path))];

const campaign = {
  title: 'Hương về là cố quốc',
  objective: 'Quảng bá du lịch',
  keyMessages: ['Việt Nam'],
  platforms: ['tiktok'],
  period: { start: '2026-09-01', end: '2026-09-30' },
  budget: 1000,
};

describe('text no database can hold', () => {
  it('refuses NUL in any string, wherever it is, naming the field', () => {
    expect(paths(refusal(CampaignInput, { ...campaign, title: 'ab\u0000c' }))).toEqual(['title']);
    expect(paths(refusal(CampaignInput, { ...campaign, keyMessages: ['ok', 'x\u0000'] }))).toEqual(['keyMessages.1']);
    expect(paths(refusal(z.object({ id: z.uuid() }), { id: '\u0000' }))).toEqual(['id']);
  });

  it('refuses a lone surrogate, high or low, but keeps a paired one (an emoji)', () => {
    expect(paths(refusal(CampaignInput, { ...campaign, objective: 'x\uD83D' }))).toEqual(['objective']);
    expect(paths(refusal(CampaignInput, { ...campaign, objective: '\uDE00x' }))).toEqual(['objective']);
    expect(parseOrThrow(CampaignInput, { ...campaign, objective: 'Đi đâu cũng nhớ 😀' }).objective).toBe(
      'Đi đâu cũng nhớ 😀',
    );
  });

  it('refuses such text in a field name too, and names unknown strict fields one by one', () => {
    expect(paths(refusal(CampaignInput, { ...campaign, ['a\u0000']: 1 }))).toEqual(['(root)']);
    expect(paths(refusal(z.strictObject({ a: z.string() }), { a: 'x', region: 'FR', b: 1 }))).toEqual(['region', 'b']);
  });
});

describe('integers a column can hold', () => {
  it('refuses followers above int4 in a fan-out filter and a creator search', () => {
    expect(paths(refusal(FanOutInput, { filter: { minFollowers: 4294967296 } }))).toEqual(['filter.minFollowers']);
    expect(paths(refusal(ListCreatorsQuery, { minFollowers: '4294967296' }))).toEqual(['minFollowers']);
    expect(parseOrThrow(ListCreatorsQuery, { minFollowers: '2147483647' }).minFollowers).toBe(2147483647);
  });

  it('refuses reach beyond what JavaScript counts exactly', () => {
    expect(paths(refusal(MetricsInput, { at: '2026-09-02T08:00:00Z', views: 2 ** 60 }))).toEqual(['views']);
  });

  it('documents the range in the JSON schema', () => {
    const schema = z.toJSONSchema(FanOutInput, { io: 'input' }) as unknown as {
      properties: { filter: { properties: { minFollowers: object } } };
    };
    expect(schema.properties.filter.properties.minFollowers).toMatchObject({ minimum: 0, maximum: 2147483647 });
  });
});

describe('periods in order', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['a campaign', CampaignInput, { ...campaign, period: { start: '2026-09-30', end: '2026-09-01' } }, 'period.end'],
    [
      'a brief window',
      BriefInput.pick({ window: true }),
      { window: { start: '2026-09-02T10:00:00Z', end: '2026-09-02T09:00:00Z' } },
      'window.end',
    ],
    ['a calendar query', CalendarQuery, { from: '2026-10-01', to: '2026-09-01' }, 'to'],
    [
      'an agreement term',
      CreateAgreementInput.pick({ term: true }),
      { term: { start: '2027-01-01', end: '2026-01-01' } },
      'term.end',
    ],
    ['a comment range', CommentInput, { body: 'x', range: { start: 9, end: 2 } }, 'range.end'],
  ])('refuses %s that ends before it starts', (_what, schema, value, path) => {
    expect(refusal(schema, value).errors).toEqual([{ path, code: 'before_start', message: 'ends before it starts' }]);
  });

  it('compares times, not their spelling: +07:00 at 08:00 is 01:00 Z', () => {
    const w = BriefInput.pick({ window: true });
    expect(
      parseOrThrow(w, { window: { start: '2026-09-02T08:00:00+07:00', end: '2026-09-02T01:30:00Z' } }).window,
    ).toEqual({
      start: '2026-09-02T01:00:00.000Z',
      end: '2026-09-02T01:30:00Z',
    });
  });

  it('refuses a year before 1900 (PostgreSQL has no year 0)', () => {
    expect(paths(refusal(CalendarQuery, { from: '0000-01-01', to: '2026-01-01' }))).toEqual(['from']);
  });
});

describe('date-times with an offset', () => {
  it('refuses a time that is not one as validation, whatever the text', () => {
    for (const dueAt of ['', '   ', 'a\u0000b', '💥', '2026-13-01T00:00:00+07:00']) {
      expect(paths(refusal(AgencyTaskInput, { toAgencyId: 'mofa', title: 'Dịch', description: 'x', dueAt }))).toEqual([
        'dueAt',
      ]);
    }
  });

  it('accepts +07:00 and keeps the time in UTC', () => {
    const task = parseOrThrow(AgencyTaskInput, {
      toAgencyId: 'mofa',
      title: 'Dịch',
      description: 'x',
      dueAt: '2026-09-02T08:00:00+07:00',
    });
    expect(task.dueAt).toBe('2026-09-02T01:00:00.000Z');
    const creator = parseOrThrow(RegisterCreatorInput, {
      kind: 'individual',
      displayName: 'An',
      consent: { givenAt: '2026-01-05T09:00:00-05:00', scope: 's', evidence: 'e' },
    });
    expect(creator.consent?.givenAt).toBe('2026-01-05T14:00:00.000Z');
  });
});
