import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError, type ErrorCode } from './errors';
import { caught } from './errors.test-helpers';

/**
 * A lifecycle as intended, written out by hand in a spec (not derived from
 * the machine): every allowed move as `from --move--> to`, a status's moves
 * in the order `allowed` lists them. A move not written from a status is
 * forbidden there.
 */
export interface Lifecycle<S extends string, M extends string> {
  title: string;
  /** How the error message names the subject. */
  what: string;
  code: ErrorCode;
  /** In the order the machine declares them. */
  statuses: readonly S[];
  final: readonly S[];
  arrows: readonly `${S} --${M}--> ${S}`[];
  machine: {
    statuses: readonly S[];
    table: Readonly<Record<M, unknown>>;
    movesFrom: (status: S) => string[];
    move: (from: S, move: M) => S;
  };
}

/** Checks `machine` against the hand-written lifecycle: every (status, move) pair, the messages, the final statuses. */
export function describeLifecycle<S extends string, M extends string>(spec: Lifecycle<S, M>): void {
  const { statuses, final, machine } = spec;
  const arrows = spec.arrows.map((arrow) => {
    const [, from, move, to] = /^(\w+) --(\w+)--> (\w+)$/.exec(arrow) ?? [];
    return { from: from as S, move: move as M, to: to as S };
  });
  const leadsTo = (from: S, move: M) => arrows.find((a) => a.from === from && a.move === move)?.to ?? null;
  const allowedFrom = (status: S) => arrows.filter((a) => a.from === status).map((a) => a.move);
  const moves = [...new Set(arrows.map((a) => a.move))];
  const pairs = statuses.flatMap((from) => moves.map((move) => ({ from, move, to: leadsTo(from, move) })));

  describe(`${spec.title} lifecycle`, () => {
    it('knows exactly the intended statuses, in order, and the intended moves', () => {
      expect([...machine.statuses]).toEqual(statuses);
      expect(Object.keys(machine.table).sort()).toEqual([...moves].sort());
    });

    it.each(pairs)('$from --$move--> $to', ({ from, move, to }) => {
      if (to !== null) {
        expect(machine.move(from, move)).toBe(to);
        return;
      }
      const error = caught(() => machine.move(from, move));
      const allowed = allowedFrom(from);
      expect(error.code).toBe(spec.code);
      expect(error.errors).toEqual([]);
      expect(error.extensions).toEqual({ from, move, allowed });
      expect(error.detail).toBe(
        `${spec.what} that is ${from} cannot ${move.replace(/_/g, ' ')}; allowed now: ${allowed.join(', ') || 'nothing (final)'}`,
      );
      expect(error.message).toBe(error.detail);
      expect(error.toProblem()).toMatchObject({ code: spec.code, from, move, allowed });
    });

    it.each(statuses.map((status) => ({ status, allowed: allowedFrom(status) })))(
      'from $status the allowed moves are $allowed',
      ({ status, allowed }) => {
        expect(machine.movesFrom(status)).toEqual(allowed);
        expect(allowed.length === 0).toBe(final.includes(status));
      },
    );

    it('random move sequences agree with the lifecycle and never leave a final status', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...statuses),
          fc.array(fc.constantFrom(...moves), { maxLength: 30 }),
          (start, seq) => {
            let status = start;
            let reachedFinal = final.includes(status);
            for (const move of seq) {
              const before = status;
              try {
                status = machine.move(before, move);
              } catch (e) {
                if (!(e instanceof DomainError) || e.code !== spec.code) throw e;
              }
              expect(status).toBe(leadsTo(before, move) ?? before);
              if (reachedFinal) expect(status).toBe(before);
              if (final.includes(status)) reachedFinal = true;
            }
          },
        ),
      );
    });
  });
}
