import type { CreatorStatusName } from '../creator/creator-status.machine';

/**
 * Why a fan-out did not offer a brief to a creator. Stable codes: clients
 * show them, tests assert them.
 */
export const SKIP_REASONS = [
  /** No creator with this id in the registry (or not one the caller may see). */
  'not_found',
  'suspended',
  /** A prospect, vetted or offboarded creator: briefs go to active creators only. */
  'not_active',
  /** The brief was offered to this creator already (and not declined, expired or cancelled). */
  'already_offered',
  /** The creator has no channel on any of the brief's platforms. */
  'no_channel_on_platform',
  /** No active agreement of the creator's, or of their management company's, covers the due date and a platform of the brief. */
  'no_agreement',
  /** Every covering agreement's deliverable quota is used up. */
  'quota_used',
  /** The creator already has as many open assignments as they may (overridable). */
  'over_capacity',
  /** Another campaign's open assignment of the creator overlaps the brief's window (overridable). */
  'calendar_conflict',
] as const;
export type SkipReasonName = (typeof SKIP_REASONS)[number];

/** What the registry says of a creator, as far as a fan-out needs it. */
export interface FanOutCandidate {
  creatorId: string;
  displayName: string;
  status: CreatorStatusName;
  managementCompanyId: string | null;
  /** Platforms the creator has a channel on. */
  platforms: string[];
}

/** An active agreement in the tasking service's read model, with what its quota has used. */
export interface CoveringAgreement {
  agreementId: string;
  counterpartyId: string;
  termStart: string;
  termEnd: string;
  /** Deliverables per platform; none listed means any platform, no quota. */
  deliverables: { platform: string; quantity: number }[];
  /** Deliverables already taken by this agreement's assignments. */
  used: number;
}

export interface BriefForFanOut {
  platforms: string[];
  /** The due date (YYYY-MM-DD) an agreement's term must cover. */
  dueDate: string;
  /** Deliverables each creator makes. */
  quantity: number;
}

export interface ConflictingAssignment {
  assignmentId: string;
  campaignId: string;
  ownerAgencyId: string;
  windowStart: string;
  windowEnd: string;
}

export interface CreatorCircumstances {
  /** The creator's own active agreements and their management company's. */
  agreements: CoveringAgreement[];
  /** Open assignments of the creator (offered, accepted, submitted, approved). */
  openAssignments: number;
  /** Open assignments of the creator in other campaigns whose window overlaps the brief's. */
  conflicts: ConflictingAssignment[];
  alreadyOffered: boolean;
  /** A campaign manager's reason to offer despite capacity or a calendar conflict. */
  overrideReason: string | null;
}

export type FanOutDecision =
  | { outcome: 'offered'; agreementId: string; overridden: ('over_capacity' | 'calendar_conflict')[] }
  | { outcome: 'skipped'; reason: SkipReasonName; detail: string };

/** Does this agreement cover the brief: its term spans the due date and it lists one of the brief's platforms (or none)? */
export function agreementCovers(agreement: CoveringAgreement, brief: BriefForFanOut): boolean {
  if (agreement.termStart > brief.dueDate || agreement.termEnd < brief.dueDate) return false;
  return (
    agreement.deliverables.length === 0 || agreement.deliverables.some((d) => brief.platforms.includes(d.platform))
  );
}

/** Deliverables left on an agreement; Infinity when it sets no quota. */
export function quotaLeft(agreement: CoveringAgreement): number {
  if (agreement.deliverables.length === 0) return Infinity;
  return agreement.deliverables.reduce((sum, d) => sum + d.quantity, 0) - agreement.used;
}

/**
 * Whether a brief may be offered to a creator, and under which agreement.
 * The checks run in a fixed order, so a creator is skipped for the first
 * reason that applies. The creator's own agreements come before their
 * management company's; among those, the one ending last.
 */
export function decideOffer(
  candidate: FanOutCandidate | null,
  brief: BriefForFanOut,
  circumstances: CreatorCircumstances,
  capacity: number,
): FanOutDecision {
  const skip = (reason: SkipReasonName, detail: string): FanOutDecision => ({ outcome: 'skipped', reason, detail });
  if (!candidate) return skip('not_found', 'No such creator in the registry');
  if (candidate.status === 'suspended') return skip('suspended', `${candidate.displayName} is suspended`);
  if (candidate.status !== 'active')
    return skip('not_active', `${candidate.displayName} is ${candidate.status}; briefs go to active creators`);
  if (circumstances.alreadyOffered) return skip('already_offered', 'This brief was offered to the creator already');
  if (!candidate.platforms.some((p) => brief.platforms.includes(p))) {
    return skip('no_channel_on_platform', `No channel on ${brief.platforms.join(', ')}`);
  }
  const covering = circumstances.agreements
    .filter((a) => agreementCovers(a, brief))
    .sort(
      (a, b) =>
        Number(b.counterpartyId === candidate.creatorId) - Number(a.counterpartyId === candidate.creatorId) ||
        b.termEnd.localeCompare(a.termEnd),
    );
  if (covering.length === 0) {
    return skip(
      'no_agreement',
      `No active agreement of the creator or their management company covers ${brief.dueDate} on ${brief.platforms.join(', ')}`,
    );
  }
  const withQuota = covering.find((a) => quotaLeft(a) >= brief.quantity);
  if (!withQuota)
    return skip('quota_used', `The deliverable quota of ${covering.map((a) => a.agreementId).join(', ')} is used up`);

  const overridden: ('over_capacity' | 'calendar_conflict')[] = [];
  if (circumstances.openAssignments >= capacity) {
    if (!circumstances.overrideReason)
      return skip('over_capacity', `Already ${circumstances.openAssignments} open assignments (capacity ${capacity})`);
    overridden.push('over_capacity');
  }
  if (circumstances.conflicts.length > 0) {
    const c = circumstances.conflicts[0];
    if (!circumstances.overrideReason) {
      return skip(
        'calendar_conflict',
        `Booked by ${c.ownerAgencyId} (campaign ${c.campaignId}) from ${c.windowStart} to ${c.windowEnd}`,
      );
    }
    overridden.push('calendar_conflict');
  }
  return { outcome: 'offered', agreementId: withQuota.agreementId, overridden };
}

/** Two windows overlap when each starts before the other ends. */
export function windowsOverlap(
  a: { start: string | Date; end: string | Date },
  b: { start: string | Date; end: string | Date },
): boolean {
  const t = (v: string | Date) => new Date(v).getTime();
  return t(a.start) < t(b.end) && t(b.start) < t(a.end);
}

/** A brief's window when none is given: the 24 hours before it is due. */
export function defaultBriefWindow(dueAt: string): { start: string; end: string } {
  return {
    start: new Date(new Date(dueAt).getTime() - 24 * 3600_000).toISOString(),
    end: new Date(dueAt).toISOString(),
  };
}
