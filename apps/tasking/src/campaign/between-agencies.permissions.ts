import { DomainError, type Actor } from '@concord/domain';
import { abilityFor, subject, type Action } from '@concord/permissions';

/** What one agency asks of another, as the permission rules name it. */
export type BetweenAgenciesSubject = 'CampaignRequest' | 'AgencyTask';

/**
 * Refuses (403, `why`) unless `actor` may do `action` to a `kind` that `parties.fromAgencyId` asks of
 * `parties.toAgencyId`: who may ask, answer or follow up depends on which side their agency is.
 */
export function assertMayBetweenAgencies(
  actor: Actor,
  action: Action,
  kind: BetweenAgenciesSubject,
  parties: { fromAgencyId: string; toAgencyId: string },
  why: string,
): void {
  const { fromAgencyId, toAgencyId } = parties;
  if (!abilityFor(actor).can(action, subject(kind, { fromAgencyId, toAgencyId })))
    throw new DomainError('auth.forbidden', why);
}

/** Refuses (403, `why`) unless `actor` may ask `toAgencyId`, for their own agency, for a `kind`. */
export function assertMayAsk(actor: Actor, kind: BetweenAgenciesSubject, toAgencyId: string, why: string): void {
  assertMayBetweenAgencies(actor, 'create', kind, { fromAgencyId: actor.orgId, toAgencyId }, why);
}
