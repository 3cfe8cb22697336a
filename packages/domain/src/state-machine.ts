import { DomainError, type ErrorCode } from './errors';

export type TransitionTable<S extends string> = Readonly<Record<string, { from: readonly S[]; to: S }>>;

/**
 * A state machine as a table (`what` names its subject, e.g. "An agreement"): `move(from, name)` gives the status a move
 * leads to, or throws `code` naming the moves allowed from `from`.
 */
export function machine<S extends string, T extends TransitionTable<S>>(what: string, table: T, code: ErrorCode) {
  const movesFrom = (status: S) =>
    (Object.keys(table) as (keyof T & string)[]).filter((m) => table[m].from.includes(status));
  return {
    table,
    movesFrom,
    move(from: S, move: keyof T & string): S {
      const rule = table[move];
      if (!rule.from.includes(from)) {
        const allowed = movesFrom(from);
        throw new DomainError(
          code,
          `${what} that is ${from} cannot ${move.replace(/_/g, ' ')}; allowed now: ${allowed.join(', ') || 'nothing (final)'}`,
          [],
          {
            from,
            move,
            allowed,
          },
        );
      }
      return rule.to;
    },
  };
}
