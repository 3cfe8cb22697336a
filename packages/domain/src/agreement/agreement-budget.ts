import type { AgreementStatusName } from './agreement-status.machine';

/**
 * The statuses in which an agreement's obligations stand: signed (waiting for
 * its start date), active, and suspended (paused, not ended). Drafts and
 * agreements in review or approved but unsigned commit nothing; expired and
 * terminated ones are over: what was paid stays spent, the rest is no longer owed.
 */
export const AGREEMENT_IN_FORCE = ['signed', 'active', 'suspended'] as const satisfies readonly AgreementStatusName[];

/** The statuses whose agreements count in a year's budget at all: in force, or ended after being signed. */
export const AGREEMENT_BUDGETED = [
  ...AGREEMENT_IN_FORCE,
  'expired',
  'terminated',
] as const satisfies readonly AgreementStatusName[];

export function isInForce(status: AgreementStatusName): boolean {
  return (AGREEMENT_IN_FORCE as readonly AgreementStatusName[]).includes(status);
}

export interface BudgetFigures {
  committed: number;
  paid: number;
  remaining: number;
}

/**
 * One agreement's share of a year's budget. Paid is what its paid milestones
 * add up to. Committed is what was paid, plus, while the agreement is in
 * force, what is still to be paid of its budget (its unpaid milestones and
 * the part of the budget no milestone plans yet: milestones never exceed the
 * budget). An expired or terminated agreement commits only what was paid, so
 * nothing of it remains.
 */
export function agreementBudget(agreement: {
  status: AgreementStatusName;
  budget: number;
  paid: number;
}): BudgetFigures {
  const { paid } = agreement;
  const committed = isInForce(agreement.status) ? Math.max(agreement.budget, paid) : paid;
  return { committed, paid, remaining: committed - paid };
}

/** Figures added up (an agency's or a counterparty's year). */
export function sumBudget(lines: readonly BudgetFigures[]): BudgetFigures {
  return lines.reduce(
    (s, l) => ({ committed: s.committed + l.committed, paid: s.paid + l.paid, remaining: s.remaining + l.remaining }),
    { committed: 0, paid: 0, remaining: 0 },
  );
}
