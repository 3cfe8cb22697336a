import { defineMachine } from '../state-machine';

export const CREATOR_STATUSES = ['prospect', 'vetted', 'active', 'suspended', 'offboarded'] as const;
export type CreatorStatusName = (typeof CREATOR_STATUSES)[number];

/**
 * The creator lifecycle. A creator's moves are named for the status they
 * lead to (a status change asks for `to`). Any status may be offboarded;
 * offboarded is final; suspended may return to active; nothing leads back
 * to prospect.
 */
export const creatorMachine = defineMachine('A creator', 'creator.status_transition_forbidden', CREATOR_STATUSES, {
  prospect: { vetted: 'vetted', offboarded: 'offboarded' },
  vetted: { active: 'active', offboarded: 'offboarded' },
  active: { suspended: 'suspended', offboarded: 'offboarded' },
  suspended: { active: 'active', offboarded: 'offboarded' },
});

/** The statuses a creator in `from` may move to. */
export function allowedCreatorMoves(from: CreatorStatusName): readonly CreatorStatusName[] {
  return creatorMachine.movesFrom(from);
}

export function canMoveCreator(from: CreatorStatusName, to: CreatorStatusName): boolean {
  return allowedCreatorMoves(from).includes(to);
}
