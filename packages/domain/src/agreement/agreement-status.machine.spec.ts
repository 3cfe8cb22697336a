import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../errors';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TRANSITIONS,
  agreementMovesFrom,
  type AgreementMove,
  type AgreementStatusName,
} from './agreement-status.machine';
import { moveAgreement } from './agreement.rules';

/**
 * The intended agreement lifecycle, written out by hand (not derived from
 * AGREEMENT_TRANSITIONS): for each status, the moves allowed from it and
 * where each one leads. A move missing from a row is forbidden there.
 */
const S: AgreementStatusName[] = [
  'draft',
  'legal_review',
  'approved',
  'signed',
  'active',
  'suspended',
  'expired',
  'terminated',
];
/** In the order the moves are declared, which is the order `allowed` lists them in. */
const MOVES: AgreementMove[] = [
  'submit_for_review',
  'legal_approve',
  'legal_return',
  'sign',
  'activate',
  'suspend',
  'resume',
  'terminate',
  'expire',
];
const FINAL: AgreementStatusName[] = ['expired', 'terminated'];

const LIFECYCLE: Record<AgreementStatusName, Partial<Record<AgreementMove, AgreementStatusName>>> = {
  draft: { submit_for_review: 'legal_review', terminate: 'terminated' },
  legal_review: { legal_approve: 'approved', legal_return: 'draft', terminate: 'terminated' },
  approved: { sign: 'signed', terminate: 'terminated' },
  signed: { activate: 'active', terminate: 'terminated', expire: 'expired' },
  active: { suspend: 'suspended', terminate: 'terminated', expire: 'expired' },
  suspended: { resume: 'active', terminate: 'terminated', expire: 'expired' },
  expired: {},
  terminated: {},
};

const allowedFrom = (status: AgreementStatusName) => MOVES.filter((m) => LIFECYCLE[status][m] !== undefined);

const pairs = S.flatMap((from) => MOVES.map((move) => ({ from, move, to: LIFECYCLE[from][move] ?? null })));

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('agreement lifecycle', () => {
  it('knows exactly the eight statuses, in lifecycle order', () => {
    expect([...AGREEMENT_STATUSES]).toEqual(S);
  });

  it('knows exactly the nine moves, in declaration order', () => {
    expect(Object.keys(AGREEMENT_TRANSITIONS)).toEqual(MOVES);
  });

  it('covers every (status, move) pair: 8 × 9', () => {
    expect(pairs).toHaveLength(72);
    expect(pairs.filter((p) => p.to !== null)).toHaveLength(16);
  });

  it.each(pairs)('$from --$move--> $to', ({ from, move, to }) => {
    if (to !== null) {
      expect(moveAgreement(from, move)).toBe(to);
      return;
    }
    const error = caught(() => moveAgreement(from, move));
    expect(error.code).toBe('agreement.status_transition_forbidden');
    const problem = error.toProblem();
    expect(problem.code).toBe('agreement.status_transition_forbidden');
    expect(problem.from).toBe(from);
    expect(problem.move).toBe(move);
    expect(problem.allowed).toEqual(allowedFrom(from));
  });

  it.each(S)('agreementMovesFrom(%s) lists exactly the allowed moves, in declaration order', (status) => {
    expect(agreementMovesFrom(status)).toEqual(allowedFrom(status));
  });

  it.each(FINAL)('%s is final: no move out of it', (status) => {
    expect(agreementMovesFrom(status)).toEqual([]);
    for (const move of MOVES) {
      expect(() => moveAgreement(status, move)).toThrow(DomainError);
    }
  });

  it('any random sequence of moves never leaves a final status once reached', () => {
    fc.assert(
      fc.property(fc.constantFrom(...S), fc.array(fc.constantFrom(...MOVES), { maxLength: 50 }), (start, moves) => {
        let state = start;
        let reached: AgreementStatusName | null = FINAL.includes(state) ? state : null;
        for (const move of moves) {
          try {
            state = moveAgreement(state, move);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).code).toBe('agreement.status_transition_forbidden');
            continue;
          }
          expect(S).toContain(state);
          if (reached) expect(state).toBe(reached);
          if (FINAL.includes(state)) reached = state;
        }
      }),
    );
  });
});
