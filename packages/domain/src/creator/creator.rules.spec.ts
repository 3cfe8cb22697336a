import { describe, expect, it } from '@jest/globals';
import { caught } from '../errors.test-helpers';
import {
  assertConsentForPersonalData,
  assertCreatorMove,
  assertVettingAgrees,
  creatorSearchText,
  findRepeatedChannels,
} from './creator.rules';
import type { CreatorStatusName } from './creator-status.machine';

describe('assertCreatorMove', () => {
  it.each<[CreatorStatusName, CreatorStatusName]>([
    ['prospect', 'vetted'],
    ['vetted', 'active'],
    ['active', 'suspended'],
    ['suspended', 'active'],
    ['prospect', 'offboarded'],
    ['active', 'offboarded'],
  ])('accepts %s → %s with a reason', (from, to) => {
    expect(() => assertCreatorMove(from, to, 'vetting passed')).not.toThrow();
  });

  it.each<[CreatorStatusName, CreatorStatusName, CreatorStatusName[]]>([
    ['prospect', 'active', ['vetted', 'offboarded']],
    ['vetted', 'suspended', ['active', 'offboarded']],
    ['active', 'vetted', ['suspended', 'offboarded']],
    ['suspended', 'prospect', ['active', 'offboarded']],
    ['offboarded', 'active', []],
    ['active', 'active', ['suspended', 'offboarded']],
  ])('refuses %s → %s, naming the allowed moves %j', (from, to, allowed) => {
    const err = caught(() => assertCreatorMove(from, to, 'because'));
    expect(err.code).toBe('creator.status_transition_forbidden');
    const problem = err.toProblem();
    expect(problem).toMatchObject({
      code: 'creator.status_transition_forbidden',
      type: 'https://concord.gov.vn/problems/creator/status_transition_forbidden',
      title: 'Status transition forbidden',
      from,
      to,
    });
    expect([...(problem.allowed as string[])].sort()).toEqual([...allowed].sort());
    expect(problem.detail).toContain(`from ${from} to ${to}`);
  });

  it('says a final state has no moves in the message', () => {
    const err = caught(() => assertCreatorMove('offboarded', 'active', 'come back'));
    expect(err.detail).toContain('none (final)');
  });

  it.each(['', '   ', '\t\n'])('requires a non-blank reason (%j)', (reason) => {
    const err = caught(() => assertCreatorMove('prospect', 'vetted', reason));
    expect(err.code).toBe('creator.reason_required');
    expect(err.toProblem().errors).toEqual([expect.objectContaining({ path: 'reason', code: 'required' })]);
  });

  it('asks for the reason before judging the move', () => {
    expect(caught(() => assertCreatorMove('offboarded', 'active', ' ')).code).toBe('creator.reason_required');
  });
});

describe('assertVettingAgrees: vetted agrees with the vetting record', () => {
  const record = (outcome: 'passed' | 'failed' | 'conditional', vettedAt: string) => ({ outcome, vettedAt });
  it.each<[string, ReturnType<typeof record>[], boolean]>([
    ['no record', [], false],
    ['only a failed result', [record('failed', '2026-03-01T00:00:00Z')], false],
    [
      'a pass, later failed',
      [record('passed', '2026-03-01T00:00:00Z'), record('failed', '2026-05-01T00:00:00Z')],
      false,
    ],
    ['a pass', [record('passed', '2026-03-01T00:00:00Z')], true],
    ['a conditional pass', [record('conditional', '2026-03-01T00:00:00Z')], true],
    [
      'a failure, later passed (records out of order)',
      [record('passed', '2026-05-01T00:00:00Z'), record('failed', '2026-03-01T00:00:00Z')],
      true,
    ],
  ])('with %s, vetted is allowed: %s', (_, vetting, allowed) => {
    if (allowed) {
      expect(() => assertVettingAgrees('vetted', vetting, false)).not.toThrow();
    } else {
      const err = caught(() => assertVettingAgrees('vetted', vetting, false));
      expect(err.code).toBe('creator.vetting_required');
      expect(err.errors).toEqual([expect.objectContaining({ path: 'to', code: 'vetting_required' })]);
    }
    // The legal officer's override sets vetted whatever the record says.
    expect(() => assertVettingAgrees('vetted', vetting, true)).not.toThrow();
  });

  it('judges only moves to vetted, and refuses an override of anything else', () => {
    expect(() => assertVettingAgrees('active', [], false)).not.toThrow();
    expect(() => assertVettingAgrees('offboarded', [record('failed', '2026-03-01T00:00:00Z')], false)).not.toThrow();
    expect(caught(() => assertVettingAgrees('active', [], true)).errors).toEqual([
      expect.objectContaining({ path: 'override', code: 'only_for_vetted' }),
    ]);
  });
});

describe('assertConsentForPersonalData', () => {
  it.each([
    [false, false],
    [false, true],
    [true, true],
  ])('allows personal data %s with consent %s', (hasPersonalData, hasConsent) => {
    expect(() => assertConsentForPersonalData(hasPersonalData, hasConsent)).not.toThrow();
  });

  it('refuses personal data without consent, pointing at the consent field', () => {
    const err = caught(() => assertConsentForPersonalData(true, false));
    expect(err.code).toBe('creator.consent_required');
    expect(err.errors).toEqual([expect.objectContaining({ path: 'consent', code: 'required' })]);
  });
});

describe('findRepeatedChannels', () => {
  it('finds nothing in distinct channels', () => {
    expect(
      findRepeatedChannels([
        { platform: 'tiktok', handle: 'hongnhung' },
        { platform: 'youtube', handle: 'hongnhung' },
        { platform: 'tiktok', handle: 'hongnhung2' },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['same handle', 'hongnhung', 'hongnhung'],
    ['different case', 'HongNhung', 'hongnhung'],
    ['leading @', '@hongnhung', 'hongnhung'],
    ['several @ and case', '@@HONGNHUNG', '@hongnhung'],
    ['surrounding spaces', ' hongnhung ', 'hongnhung'],
  ])('flags the second of two channels differing only by %s', (_label, first, second) => {
    const errors = findRepeatedChannels([
      { platform: 'tiktok', handle: first },
      { platform: 'tiktok', handle: second },
    ]);
    expect(errors).toEqual([{ path: 'channels.1.handle', code: 'duplicate', message: 'Same channel as channels.0' }]);
  });

  it('names every repeat with its own index and the first occurrence', () => {
    const errors = findRepeatedChannels([
      { platform: 'youtube', handle: 'quanglinhvlogs' },
      { platform: 'tiktok', handle: 'hongnhung' },
      { platform: 'tiktok', handle: '@HongNhung' },
      { platform: 'youtube', handle: 'QuangLinhVlogs' },
      { platform: 'tiktok', handle: 'hongnhung' },
    ]);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['channels.2.handle', 'Same channel as channels.1'],
      ['channels.3.handle', 'Same channel as channels.0'],
      ['channels.4.handle', 'Same channel as channels.1'],
    ]);
  });
});

describe('creatorSearchText', () => {
  it('folds the display name and handles into one searchable string', () => {
    expect(creatorSearchText('Nguyễn Thị Hồng Nhung', ['@HongNhung', 'nhung.official'])).toBe(
      'nguyen thi hong nhung @hongnhung nhung.official',
    );
  });

  it('works without handles', () => {
    expect(creatorSearchText('Đà Nẵng Travel', [])).toBe('da nang travel');
  });
});
