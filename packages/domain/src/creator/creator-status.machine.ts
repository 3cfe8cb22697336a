import { machine, type TransitionTable } from '../state-machine';

export const CREATOR_STATUSES = ['prospect', 'vetted', 'active', 'suspended', 'offboarded'] as const;
export type CreatorStatusName = (typeof CREATOR_STATUSES)[number];

/**
 * The creator lifecycle as a table, in the dialect of every other machine
 * (`machine`): a move and the statuses it may leave from. A creator's moves
 * are named for the status they lead to (a status change asks for `to`).
 * Any status may be offboarded; offboarded is final; suspended may return
 * to active; nothing leads back to prospect.
 */
export const CREATOR_TRANSITIONS = {
  vetted: { from: ['prospect'], to: 'vetted' },
  active: { from: ['vetted', 'suspended'], to: 'active' },
  suspended: { from: ['active'], to: 'suspended' },
  offboarded: { from: ['prospect', 'vetted', 'active', 'suspended'], to: 'offboarded' },
} as const satisfies TransitionTable<CreatorStatusName>;

export const creatorMachine = machine<CreatorStatusName, typeof CREATOR_TRANSITIONS>(
  'A creator',
  CREATOR_TRANSITIONS,
  'creator.status_transition_forbidden',
);

/** The statuses a creator in `from` may move to. */
export function allowedCreatorMoves(from: CreatorStatusName): readonly CreatorStatusName[] {
  return creatorMachine.movesFrom(from);
}

export function canMoveCreator(from: CreatorStatusName, to: CreatorStatusName): boolean {
  return allowedCreatorMoves(from).includes(to);
}
