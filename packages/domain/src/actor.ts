export const ROLES = [
  'admin',
  'registry_officer',
  'campaign_manager',
  'reviewer',
  'legal_officer',
  'finance_officer',
  'auditor',
  'liaison',
  'creator',
] as const;
export type Role = (typeof ROLES)[number];

/** The role of a creator's (or management company's) own account. */
export const CREATOR_ROLE: Role = 'creator';

/**
 * Creators and management companies sign in as themselves, not as staff of
 * an agency: their actor's `orgId` is this, their only role `creator`, and
 * `creatorId` names their record in the registry.
 */
export const CREATORS_ORG = 'creators';

/** Who is acting: a person, in one agency, holding roles there (or a creator, bound to their registry record). */
export interface Actor {
  userId: string;
  orgId: string;
  roles: Role[];
  /** Only for creators: the registry creator (individual or management company) this user is. */
  creatorId?: string;
}

/** A creator acting for themselves (or their management company), not an agency's staff. */
export function isCreatorActor(actor: Actor): actor is Actor & { creatorId: string } {
  return actor.orgId === CREATORS_ORG && actor.roles.includes(CREATOR_ROLE) && typeof actor.creatorId === 'string';
}
