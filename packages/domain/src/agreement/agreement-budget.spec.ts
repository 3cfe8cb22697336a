import { describe, expect, it } from '@jest/globals';
import { AGREEMENT_STATUSES, type AgreementStatusName } from './agreement-status.machine';
import { AGREEMENT_BUDGETED, agreementBudget, isInForce, sumBudget } from './agreement-budget';

describe("an agreement's share of the year's budget", () => {
  // An 80,000,000 đồng agreement of which 30,000,000 was paid, in each status that counts in the budget.
  it.each<[AgreementStatusName, boolean, number, number]>([
    ['signed', true, 80_000_000, 50_000_000],
    ['active', true, 80_000_000, 50_000_000],
    ['suspended', true, 80_000_000, 50_000_000],
    ['expired', false, 30_000_000, 0],
    ['terminated', false, 30_000_000, 0],
  ])('%s: in force %s, committed %d, remaining %d', (status, inForce, committed, remaining) => {
    expect(isInForce(status)).toBe(inForce);
    expect(agreementBudget({ status, budget: 80_000_000, paid: 30_000_000 })).toEqual({
      committed,
      paid: 30_000_000,
      remaining,
    });
  });

  it('counts nothing remaining of a terminated agreement that paid nothing (TTDN-2026-0005)', () => {
    expect(agreementBudget({ status: 'terminated', budget: 80_000_000, paid: 0 })).toEqual({
      committed: 0,
      paid: 0,
      remaining: 0,
    });
  });

  it('leaves unsigned agreements out of the budget, and nothing else', () => {
    expect(AGREEMENT_STATUSES.filter((s) => !(AGREEMENT_BUDGETED as readonly string[]).includes(s))).toEqual([
      'draft',
      'legal_review',
      'approved',
    ]);
  });

  it('adds agreements up', () => {
    expect(
      sumBudget([
        agreementBudget({ status: 'active', budget: 450_000_000, paid: 180_000_000 }),
        agreementBudget({ status: 'terminated', budget: 80_000_000, paid: 0 }),
        agreementBudget({ status: 'expired', budget: 60_000_000, paid: 24_000_000 }),
      ]),
    ).toEqual({ committed: 474_000_000, paid: 204_000_000, remaining: 270_000_000 });
    expect(sumBudget([])).toEqual({ committed: 0, paid: 0, remaining: 0 });
  });
});
