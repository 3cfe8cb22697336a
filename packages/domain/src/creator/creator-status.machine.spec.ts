import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CREATOR_STATUSES,
  allowedCreatorMoves,
  canMoveCreator,
  type CreatorStatusName,
} from './creator-status.machine';

/**
 * The intended creator lifecycle, written out by hand (not derived from
 * CREATOR_TRANSITIONS): rows are `from`, columns are `to`, in the order
 * prospect, vetted, active, suspended, offboarded.
 */
const S: CreatorStatusName[] = ['prospect', 'vetted', 'active', 'suspended', 'offboarded'];
const EXPECTED: Record<CreatorStatusName, boolean[]> = {
  //           prospect vetted  active  suspended offboarded
  prospect: [false, true, false, false, true],
  vetted: [false, false, true, false, true],
  active: [false, false, false, true, true],
  suspended: [false, false, true, false, true],
  offboarded: [false, false, false, false, false],
};

const pairs = S.flatMap((from) => S.map((to, i) => ({ from, to, allowed: EXPECTED[from][i] })));

describe('creator lifecycle', () => {
  it('knows exactly the five statuses, in lifecycle order', () => {
    expect([...CREATOR_STATUSES]).toEqual(S);
  });

  it.each(pairs)('$from → $to is allowed: $allowed', ({ from, to, allowed }) => {
    expect(canMoveCreator(from, to)).toBe(allowed);
  });

  it.each(S)('allowedCreatorMoves(%s) lists exactly the allowed targets', (from) => {
    const expected = S.filter((_, i) => EXPECTED[from][i]);
    expect([...allowedCreatorMoves(from)].sort()).toEqual([...expected].sort());
  });

  it('offboarded is final: no move out of it is allowed', () => {
    expect(allowedCreatorMoves('offboarded')).toEqual([]);
  });

  it('a random walk of allowed moves stays within the statuses and never leaves offboarded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CREATOR_STATUSES), fc.array(fc.nat(), { maxLength: 40 }), (start, picks) => {
        let state: CreatorStatusName = start;
        let offboarded = state === 'offboarded';
        for (const pick of picks) {
          const moves = allowedCreatorMoves(state);
          if (moves.length === 0) {
            // Only the final state may have nowhere to go.
            expect(state).toBe('offboarded');
            continue;
          }
          const next = moves[pick % moves.length];
          expect(canMoveCreator(state, next)).toBe(true);
          state = next;
          expect(CREATOR_STATUSES).toContain(state);
          if (offboarded) expect(state).toBe('offboarded');
          if (state === 'offboarded') offboarded = true;
        }
      }),
    );
  });
});
