import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError, type ErrorCode } from '../errors';
import {
  CAMPAIGN_REQUEST_STATUSES,
  CAMPAIGN_STATUSES,
  campaignMachine,
  campaignRequestMachine,
  type CampaignMove,
  type CampaignRequestMove,
  type CampaignRequestStatusName,
  type CampaignStatusName,
} from './campaign.machines';

/**
 * The intended lifecycles, written out by hand (not derived from the
 * machines' tables): for each status, the moves allowed from it and where
 * each one leads. A move missing from a row is forbidden there.
 */

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

interface Spec<S extends string, M extends string> {
  title: string;
  /** How the error message names the subject. */
  what: string;
  code: ErrorCode;
  statuses: S[];
  /** In declaration order, which is the order `allowed` lists them in. */
  moves: M[];
  final: S[];
  lifecycle: Record<S, Partial<Record<M, S>>>;
  machine: {
    table: Readonly<Record<string, unknown>>;
    movesFrom: (status: S) => string[];
    move: (from: S, move: M) => S;
  };
  declaredStatuses: readonly string[];
  allowedCount: number;
}

const CAMPAIGN: Spec<CampaignStatusName, CampaignMove> = {
  title: 'campaign',
  what: 'A campaign',
  code: 'campaign.status_transition_forbidden',
  statuses: ['planning', 'active', 'closed', 'cancelled'],
  moves: ['activate', 'close', 'cancel'],
  final: ['closed', 'cancelled'],
  lifecycle: {
    planning: { activate: 'active', cancel: 'cancelled' },
    active: { close: 'closed', cancel: 'cancelled' },
    closed: {},
    cancelled: {},
  },
  machine: campaignMachine,
  declaredStatuses: CAMPAIGN_STATUSES,
  allowedCount: 4,
};

const REQUEST: Spec<CampaignRequestStatusName, CampaignRequestMove> = {
  title: 'joint campaign request',
  what: 'A joint campaign request',
  code: 'campaign_request.status_transition_forbidden',
  statuses: ['submitted', 'accepted', 'declined', 'countered', 'withdrawn'],
  moves: ['accept', 'decline', 'counter', 'accept_counter', 'withdraw'],
  final: ['accepted', 'declined', 'withdrawn'],
  lifecycle: {
    submitted: { accept: 'accepted', decline: 'declined', counter: 'countered', withdraw: 'withdrawn' },
    countered: { accept_counter: 'accepted', withdraw: 'withdrawn' },
    accepted: {},
    declined: {},
    withdrawn: {},
  },
  machine: campaignRequestMachine,
  declaredStatuses: CAMPAIGN_REQUEST_STATUSES,
  allowedCount: 6,
};

function suite<S extends string, M extends string>(spec: Spec<S, M>) {
  const { statuses, moves, lifecycle, machine } = spec;
  const allowedFrom = (status: S) => moves.filter((m) => lifecycle[status][m] !== undefined);
  const pairs = statuses.flatMap((from) => moves.map((move) => ({ from, move, to: lifecycle[from][move] ?? null })));

  describe(`${spec.title} lifecycle`, () => {
    it('knows exactly the intended statuses', () => {
      expect([...spec.declaredStatuses].sort()).toEqual([...statuses].sort());
    });

    it('knows exactly the intended moves, in declaration order', () => {
      expect(Object.keys(machine.table)).toEqual(moves);
    });

    it(`covers every (status, move) pair: ${statuses.length} × ${moves.length}`, () => {
      expect(pairs).toHaveLength(statuses.length * moves.length);
      expect(pairs.filter((p) => p.to !== null)).toHaveLength(spec.allowedCount);
    });

    it.each(pairs)('$from --$move--> $to', ({ from, move, to }) => {
      if (to !== null) {
        expect(machine.move(from, move)).toBe(to);
        return;
      }
      const error = caught(() => machine.move(from, move));
      expect(error.code).toBe(spec.code);
      expect(error.extensions).toEqual({ from, move, allowed: allowedFrom(from) });
      expect(error.detail.startsWith(`${spec.what} that is ${from} cannot `)).toBe(true);
      expect(error.message).toBe(error.detail);
      const problem = error.toProblem();
      expect(problem.code).toBe(spec.code);
      expect(problem.from).toBe(from);
      expect(problem.move).toBe(move);
      expect(problem.allowed).toEqual(allowedFrom(from));
    });

    it.each(statuses.map((status) => ({ status, allowed: allowedFrom(status) })))(
      'from $status the allowed moves are $allowed',
      ({ status, allowed }) => {
        expect(machine.movesFrom(status)).toEqual(allowed);
      },
    );

    it.each(spec.final)('%s is final: no move leaves it, and the message says so', (status) => {
      expect(machine.movesFrom(status)).toEqual([]);
      for (const move of moves) {
        const error = caught(() => machine.move(status, move));
        expect(error.detail).toMatch(/allowed now: nothing \(final\)$/);
      }
    });

    it.each(statuses.filter((s) => !spec.final.includes(s)))('%s is not final', (status) => {
      expect(machine.movesFrom(status).length).toBeGreaterThan(0);
    });

    it('random move sequences never leave a final status', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...statuses),
          fc.array(fc.constantFrom(...moves), { maxLength: 20 }),
          (start, seq) => {
            let status = start;
            let reachedFinal = spec.final.includes(status);
            for (const move of seq) {
              const before = status;
              const expected = lifecycle[before][move];
              try {
                status = machine.move(before, move);
              } catch (e) {
                if (!(e instanceof DomainError) || e.code !== spec.code) throw e;
              }
              // The machine agrees with the hand-written lifecycle at every step.
              expect(status).toBe(expected ?? before);
              if (reachedFinal) expect(status).toBe(before);
              if (spec.final.includes(status)) reachedFinal = true;
            }
            if (reachedFinal) expect(spec.final).toContain(status);
          },
        ),
      );
    });
  });
}

suite(CAMPAIGN);
suite(REQUEST);

describe('forbidden-move messages, written out', () => {
  it.each<[string, () => unknown, string]>([
    [
      'campaign planning/close',
      () => campaignMachine.move('planning', 'close'),
      'A campaign that is planning cannot close; allowed now: activate, cancel',
    ],
    [
      'campaign active/activate',
      () => campaignMachine.move('active', 'activate'),
      'A campaign that is active cannot activate; allowed now: close, cancel',
    ],
    [
      'campaign closed/cancel',
      () => campaignMachine.move('closed', 'cancel'),
      'A campaign that is closed cannot cancel; allowed now: nothing (final)',
    ],
    [
      'request submitted/accept_counter',
      () => campaignRequestMachine.move('submitted', 'accept_counter'),
      'A joint campaign request that is submitted cannot accept counter; allowed now: accept, decline, counter, withdraw',
    ],
    [
      'request countered/accept',
      () => campaignRequestMachine.move('countered', 'accept'),
      'A joint campaign request that is countered cannot accept; allowed now: accept_counter, withdraw',
    ],
    [
      'request withdrawn/withdraw',
      () => campaignRequestMachine.move('withdrawn', 'withdraw'),
      'A joint campaign request that is withdrawn cannot withdraw; allowed now: nothing (final)',
    ],
  ])('%s', (_label, fn, message) => {
    expect(caught(fn).detail).toBe(message);
  });
});
