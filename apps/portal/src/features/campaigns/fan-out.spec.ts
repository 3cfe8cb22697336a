import { describe, expect, it } from '@jest/globals';
import { catalogues } from '../../i18n/catalogues';
import {
  SKIP_REASONS,
  buildFanOut,
  emptyFanOutDraft,
  filterResults,
  groupResults,
  outcomeQuery,
  progressOf,
  skipSummary,
  validateFanOut,
  type FanOutResult,
} from './fan-out';

const A = '0190f1a2-0000-7000-8000-00000000000a';
const B = '0190f1a2-0000-7000-8000-00000000000b';
const result = (
  creatorId: string,
  outcome: 'offered' | 'skipped',
  reason: FanOutResult['reason'] = null,
): FanOutResult => ({
  creatorId,
  displayName: creatorId,
  outcome,
  reason,
  detail: null,
  assignmentId: outcome === 'offered' ? creatorId : null,
  overridden: [],
});

describe('the fan-out request', () => {
  it('sends only the filled-in parts of the filter, normalised', () => {
    const body = buildFanOut({
      ...emptyFanOutDraft(),
      topic: 'diplomacy',
      language: ' EN ',
      minFollowers: '10.000',
      region: 'vn-hn',
    });
    expect(body).toEqual({
      filter: { topic: 'diplomacy', language: 'en', minFollowers: 10000, region: 'VN-HN' },
      overrides: [],
    });
    expect(validateFanOut(body)).toEqual([]);
    expect(buildFanOut(emptyFanOutDraft())).toEqual({ filter: {}, overrides: [] });
  });

  it('sends chosen creators, with the override reason for each when overriding', () => {
    const draft = {
      ...emptyFanOutDraft(),
      mode: 'creators' as const,
      creators: [
        { id: A, name: 'An' },
        { id: B, name: 'Bình' },
      ],
    };
    expect(buildFanOut(draft)).toEqual({ creatorIds: [A, B], overrides: [] });
    expect(buildFanOut({ ...draft, override: true, overrideReason: ' State visit ' })).toEqual({
      creatorIds: [A, B],
      overrides: [
        { creatorId: A, reason: 'State visit' },
        { creatorId: B, reason: 'State visit' },
      ],
    });
  });

  it('asks for a creator, a readable filter and an override reason, at the form paths', () => {
    expect(validateFanOut(buildFanOut({ ...emptyFanOutDraft(), mode: 'creators' }))).toEqual([
      expect.objectContaining({ path: 'creatorIds', code: 'choose_target' }),
    ]);
    expect(
      validateFanOut(buildFanOut({ ...emptyFanOutDraft(), language: 'english', minFollowers: 'many' }))
        .map((e) => e.path)
        .sort(),
    ).toEqual(['filter.language', 'filter.minFollowers']);
    const noReason = buildFanOut({
      ...emptyFanOutDraft(),
      mode: 'creators',
      creators: [{ id: A, name: 'An' }],
      override: true,
    });
    expect(validateFanOut(noReason).map((e) => e.path)).toEqual(['overrides']);
  });
});

describe('what the answer says', () => {
  it('shows progress against the total once counted, and an indeterminate bar before', () => {
    expect(progressOf({ status: 'running', total: 120, processed: 40 })).toEqual({ value: 40, max: 120, done: false });
    expect(progressOf({ status: 'running', total: null, processed: 5 })).toEqual({
      value: 5,
      max: undefined,
      done: false,
    });
    expect(progressOf({ status: 'completed', total: null, processed: 7 })).toEqual({ value: 7, max: 7, done: true });
    expect(progressOf({ status: 'failed', total: null, processed: 0 })).toEqual({
      value: 0,
      max: undefined,
      done: true,
    });
    expect(progressOf({ status: 'cancelled', total: 300, processed: 100 })).toEqual({
      value: 100,
      max: 300,
      done: true,
    });
  });

  it('summarises skip reasons, most frequent first, leaving out those that did not occur', () => {
    expect(
      skipSummary({ skippedByReason: { no_agreement: 2, suspended: 2, calendar_conflict: 5, quota_used: 0 } }),
    ).toEqual([
      { reason: 'calendar_conflict', count: 5 },
      { reason: 'suspended', count: 2 },
      { reason: 'no_agreement', count: 2 },
    ]);
  });

  it('groups and filters the per-creator outcomes', () => {
    const results = [
      result('a', 'offered'),
      result('b', 'skipped', 'no_agreement'),
      result('c', 'skipped', 'suspended'),
      result('d', 'skipped', 'no_agreement'),
    ];
    const groups = groupResults(results);
    expect(groups.offered.map((r) => r.creatorId)).toEqual(['a']);
    expect(groups.skipped.map((g) => [g.reason, g.results.map((r) => r.creatorId)])).toEqual([
      ['suspended', ['c']],
      ['no_agreement', ['b', 'd']],
    ]);
    expect(filterResults(results, 'skipped').map((r) => r.creatorId)).toEqual(['b', 'c', 'd']);
    expect(filterResults(results, 'no_agreement').map((r) => r.creatorId)).toEqual(['b', 'd']);
    expect(outcomeQuery('all')).toEqual({});
    expect(outcomeQuery('offered')).toEqual({ outcome: 'offered' });
    expect(outcomeQuery('quota_used')).toEqual({ outcome: 'skipped', reason: 'quota_used' });
  });

  it('words every skip reason the domain has, in both languages', () => {
    for (const language of ['en', 'vi'] as const) {
      const words = catalogues[language].fanOut.reason as Record<string, string>;
      expect({ language, missing: SKIP_REASONS.filter((r) => !words[r]?.trim()) }).toEqual({ language, missing: [] });
    }
    expect(
      SKIP_REASONS.filter(
        (r) =>
          (catalogues.en.fanOut.reason as Record<string, string>)[r] ===
          (catalogues.vi.fanOut.reason as Record<string, string>)[r],
      ),
    ).toEqual([]);
  });
});
