import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  agreementCovers,
  decideOffer,
  defaultBriefWindow,
  quotaLeft,
  windowsOverlap,
  type BriefForFanOut,
  type CoveringAgreement,
  type CreatorCircumstances,
  type FanOutCandidate,
} from './fan-out.rules';

const CREATOR = '0190a000-0000-7000-8000-000000000001';
const COMPANY = '0190a000-0000-7000-8000-000000000002';
const brief: BriefForFanOut = { platforms: ['tiktok', 'youtube'], dueDate: '2026-10-28', quantity: 2 };
const candidate: FanOutCandidate = {
  creatorId: CREATOR,
  displayName: 'Lan Anh Travel',
  status: 'active',
  managementCompanyId: COMPANY,
  platforms: ['tiktok'],
};
const agreement = (over: Partial<CoveringAgreement> = {}): CoveringAgreement => ({
  agreementId: 'own',
  counterpartyId: CREATOR,
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  deliverables: [{ platform: 'tiktok', quantity: 10 }],
  used: 0,
  ...over,
});
const calm = (over: Partial<CreatorCircumstances> = {}): CreatorCircumstances => ({
  agreements: [agreement()],
  openAssignments: 0,
  conflicts: [],
  alreadyOffered: false,
  overrideReason: null,
  ...over,
});
const conflict = {
  assignmentId: 'x',
  campaignId: 'other-campaign',
  ownerAgencyId: 'mcst-ttcs',
  windowStart: '2026-10-27T10:00:00.000Z',
  windowEnd: '2026-10-28T10:00:00.000Z',
};

describe('decideOffer: why a brief is or is not offered to a creator', () => {
  it.each([
    { name: 'an unknown creator', c: null, s: calm(), reason: 'not_found' },
    { name: 'a suspended creator', c: { ...candidate, status: 'suspended' as const }, s: calm(), reason: 'suspended' },
    {
      name: 'a vetted (not yet active) creator',
      c: { ...candidate, status: 'vetted' as const },
      s: calm(),
      reason: 'not_active',
    },
    {
      name: 'an offboarded creator',
      c: { ...candidate, status: 'offboarded' as const },
      s: calm(),
      reason: 'not_active',
    },
    {
      name: 'a creator offered this brief already',
      c: candidate,
      s: calm({ alreadyOffered: true }),
      reason: 'already_offered',
    },
    {
      name: 'a creator with no channel on the platforms',
      c: { ...candidate, platforms: ['facebook'] },
      s: calm(),
      reason: 'no_channel_on_platform',
    },
    { name: 'no agreement at all', c: candidate, s: calm({ agreements: [] }), reason: 'no_agreement' },
    {
      name: 'an agreement ending before the due date',
      c: candidate,
      s: calm({ agreements: [agreement({ termEnd: '2026-10-27' })] }),
      reason: 'no_agreement',
    },
    {
      name: 'an agreement starting after the due date',
      c: candidate,
      s: calm({ agreements: [agreement({ termStart: '2026-10-29' })] }),
      reason: 'no_agreement',
    },
    {
      name: 'an agreement for other platforms only',
      c: candidate,
      s: calm({ agreements: [agreement({ deliverables: [{ platform: 'facebook', quantity: 5 }] })] }),
      reason: 'no_agreement',
    },
    {
      name: 'a quota with one deliverable left (brief needs 2)',
      c: candidate,
      s: calm({ agreements: [agreement({ used: 9 })] }),
      reason: 'quota_used',
    },
    { name: 'a creator at capacity', c: candidate, s: calm({ openAssignments: 3 }), reason: 'over_capacity' },
    { name: 'a calendar conflict', c: candidate, s: calm({ conflicts: [conflict] }), reason: 'calendar_conflict' },
  ])('skips $name: $reason', ({ c, s, reason }) => {
    const decision = decideOffer(c, brief, s, 3);
    expect(decision).toMatchObject({ outcome: 'skipped', reason });
    expect((decision as { detail: string }).detail.length).toBeGreaterThan(5);
  });

  it('says who booked the creator when the calendar conflicts', () => {
    expect(decideOffer(candidate, brief, calm({ conflicts: [conflict] }), 3)).toMatchObject({
      detail: expect.stringContaining('mcst-ttcs'),
    });
  });

  it('offers under the creator’s own agreement before the company’s', () => {
    const company = agreement({ agreementId: 'company', counterpartyId: COMPANY, termEnd: '2027-06-30' });
    expect(decideOffer(candidate, brief, calm({ agreements: [company, agreement()] }), 3)).toEqual({
      outcome: 'offered',
      agreementId: 'own',
      overridden: [],
    });
  });

  it('falls back to the management company’s agreement when the own one is used up', () => {
    const company = agreement({ agreementId: 'company', counterpartyId: COMPANY, deliverables: [] });
    expect(decideOffer(candidate, brief, calm({ agreements: [agreement({ used: 10 }), company] }), 3)).toMatchObject({
      outcome: 'offered',
      agreementId: 'company',
    });
  });

  it('offers despite capacity and calendar when a campaign manager overrides, and says what was overridden', () => {
    const decision = decideOffer(
      candidate,
      brief,
      calm({ openAssignments: 5, conflicts: [conflict], overrideReason: 'National Day coverage takes priority' }),
      3,
    );
    expect(decision).toEqual({
      outcome: 'offered',
      agreementId: 'own',
      overridden: ['over_capacity', 'calendar_conflict'],
    });
  });

  it('never overrides what a person may not override: no agreement, suspension, quota', () => {
    const o = { overrideReason: 'please' };
    expect(decideOffer({ ...candidate, status: 'suspended' }, brief, calm(o), 3)).toMatchObject({
      reason: 'suspended',
    });
    expect(decideOffer(candidate, brief, calm({ ...o, agreements: [] }), 3)).toMatchObject({ reason: 'no_agreement' });
    expect(decideOffer(candidate, brief, calm({ ...o, agreements: [agreement({ used: 10 })] }), 3)).toMatchObject({
      reason: 'quota_used',
    });
  });

  it('offers only under an agreement that covers the brief and has quota left (property)', () => {
    const arbAgreement = fc.record({
      agreementId: fc.constantFrom('a', 'b', 'c'),
      counterpartyId: fc.constantFrom(CREATOR, COMPANY),
      termStart: fc.constantFrom('2026-01-01', '2026-10-28', '2026-11-01'),
      termEnd: fc.constantFrom('2026-10-27', '2026-10-28', '2027-01-01'),
      deliverables: fc.array(
        fc.record({
          platform: fc.constantFrom('tiktok', 'youtube', 'facebook'),
          quantity: fc.integer({ min: 1, max: 5 }),
        }),
        { maxLength: 2 },
      ),
      used: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbAgreement, { selector: (a) => a.agreementId, maxLength: 3 }),
        fc.integer({ min: 0, max: 5 }),
        (agreements, open) => {
          const decision = decideOffer(candidate, brief, calm({ agreements, openAssignments: open }), 3);
          if (decision.outcome === 'offered') {
            const chosen = agreements.find((a) => a.agreementId === decision.agreementId)!;
            expect(agreementCovers(chosen, brief)).toBe(true);
            expect(quotaLeft(chosen)).toBeGreaterThanOrEqual(brief.quantity);
            expect(open).toBeLessThan(3);
          }
        },
      ),
    );
  });
});

describe('windows', () => {
  it('overlap when each starts before the other ends; touching is no overlap', () => {
    const a = { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' };
    expect(windowsOverlap(a, { start: '2026-10-01T12:00:00Z', end: '2026-10-03T00:00:00Z' })).toBe(true);
    expect(windowsOverlap(a, { start: '2026-10-02T00:00:00Z', end: '2026-10-03T00:00:00Z' })).toBe(false);
    expect(windowsOverlap(a, { start: '2026-09-01T00:00:00Z', end: '2026-12-01T00:00:00Z' })).toBe(true);
  });

  it('default to the 24 hours before the due time', () => {
    expect(defaultBriefWindow('2026-10-28T10:00:00Z')).toEqual({
      start: '2026-10-27T10:00:00.000Z',
      end: '2026-10-28T10:00:00.000Z',
    });
  });
});
