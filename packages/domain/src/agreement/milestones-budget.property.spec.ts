import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../errors';
import { assertMilestoneEditable, assertMilestonesWithinBudget } from './agreement.rules';

type Command =
  | { kind: 'add'; amount: number }
  | { kind: 'edit'; index: number; amount: number }
  | { kind: 'pay'; index: number }
  | { kind: 'rebudget'; budget: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), amount: fc.integer({ min: 1, max: 60_000_000 }) }),
  fc.record({ kind: fc.constant('edit' as const), index: fc.nat(10), amount: fc.integer({ min: 1, max: 60_000_000 }) }),
  fc.record({ kind: fc.constant('pay' as const), index: fc.nat(10) }),
  fc.record({ kind: fc.constant('rebudget' as const), budget: fc.integer({ min: 0, max: 200_000_000 }) }),
);

/**
 * Whatever finance officers and amendments do, in any order, the rules keep
 * milestones within the budget and paid milestones as they were paid.
 */
describe('milestone budget invariants', () => {
  it('never lets milestones sum above the budget nor a paid milestone change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000_000 }),
        fc.array(command, { maxLength: 40 }),
        (initialBudget, commands) => {
          let budget = initialBudget;
          const milestones: { amount: number; status: 'planned' | 'paid' }[] = [];
          const paidAmounts = new Map<number, number>();
          for (const c of commands) {
            try {
              if (c.kind === 'add') {
                assertMilestonesWithinBudget([...milestones.map((m) => m.amount), c.amount], budget);
                milestones.push({ amount: c.amount, status: 'planned' });
              } else if (c.kind === 'edit' && milestones[c.index]) {
                assertMilestoneEditable(milestones[c.index].status);
                const amounts = milestones.map((m, i) => (i === c.index ? c.amount : m.amount));
                assertMilestonesWithinBudget(amounts, budget);
                milestones[c.index].amount = c.amount;
              } else if (c.kind === 'pay' && milestones[c.index] && milestones[c.index].status !== 'paid') {
                milestones[c.index].status = 'paid';
                paidAmounts.set(c.index, milestones[c.index].amount);
              } else if (c.kind === 'rebudget') {
                assertMilestonesWithinBudget(
                  milestones.map((m) => m.amount),
                  c.budget,
                );
                budget = c.budget;
              }
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              expect(['agreement.milestones_over_budget', 'agreement.milestone_paid']).toContain(
                (error as DomainError).code,
              );
            }
            expect(milestones.reduce((s, m) => s + m.amount, 0)).toBeLessThanOrEqual(budget);
            for (const [i, amount] of paidAmounts) expect(milestones[i].amount).toBe(amount);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
