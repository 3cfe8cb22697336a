export const CREATOR_STATUSES = ['prospect', 'vetted', 'active', 'suspended', 'offboarded'] as const;
export type CreatorStatusName = (typeof CREATOR_STATUSES)[number];

/**
 * The creator lifecycle as a table: for each status, where it may go.
 * Any state may be offboarded; offboarded is final; suspended may return
 * to active.
 */
export const CREATOR_TRANSITIONS: Readonly<Record<CreatorStatusName, readonly CreatorStatusName[]>> = {
  prospect: ['vetted', 'offboarded'],
  vetted: ['active', 'offboarded'],
  active: ['suspended', 'offboarded'],
  suspended: ['active', 'offboarded'],
  offboarded: [],
};

export function allowedCreatorMoves(from: CreatorStatusName): readonly CreatorStatusName[] {
  return CREATOR_TRANSITIONS[from];
}

export function canMoveCreator(from: CreatorStatusName, to: CreatorStatusName): boolean {
  return CREATOR_TRANSITIONS[from].includes(to);
}
