import { DomainError, type ErrorCode } from './errors';

/** A machine's moves by the status they leave from: `{ draft: { submit: 'review' } }`; a status left out is final. */
export type Transitions<S extends string> = { readonly [From in S]?: Readonly<Record<string, S>> };

/** The same moves by name: where each may leave from and where it leads. */
export type TransitionTable<S extends string, M extends string = string> = Readonly<
  Record<M, { from: readonly S[]; to: S }>
>;

/** Every move named anywhere in `T`. */
export type MoveOf<T> = { [From in keyof T]-?: keyof NonNullable<T[From]> }[keyof T] & string;

/**
 * A state machine over `statuses` from its transitions (`what` names its
 * subject, e.g. "An agreement"): `move(from, name)` gives the status a move
 * leads to, or throws `code` naming the moves allowed from `from` (in the
 * order they are written there). A move leads to one status wherever it is
 * allowed; `table` lists each move with the statuses it may leave from.
 */
export function defineMachine<S extends string, const T extends Transitions<S>>(
  what: string,
  code: ErrorCode,
  statuses: readonly S[],
  transitions: T,
) {
  type Move = MoveOf<T>;
  const movesOf = (status: S): Readonly<Record<string, S>> => transitions[status] ?? {};
  const movesFrom = (status: S) => Object.keys(movesOf(status)) as Move[];
  const table = {} as Record<Move, { from: S[]; to: S }>;
  for (const from of statuses) {
    for (const [move, to] of Object.entries(movesOf(from)) as [Move, S][]) {
      const rule = (table[move] ??= { from: [], to });
      if (rule.to !== to) throw new Error(`${what}: ${move} leads to both ${rule.to} and ${to}`);
      rule.from.push(from);
    }
  }
  return {
    statuses,
    transitions,
    table: table as TransitionTable<S, Move>,
    movesFrom,
    move(from: S, move: Move): S {
      const moves = movesOf(from);
      if (Object.hasOwn(moves, move)) return moves[move];
      const allowed = movesFrom(from);
      throw new DomainError(
        code,
        `${what} that is ${from} cannot ${move.replace(/_/g, ' ')}; allowed now: ${allowed.join(', ') || 'nothing (final)'}`,
        [],
        { from, move, allowed },
      );
    },
  };
}
