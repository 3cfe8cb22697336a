import { DomainError } from '../errors';
import type { Role } from '../actor';
import type { ReviewDecision, SubmissionMove } from './submission-status.machine';

/** Who may decide a review stage: any staff role; a creator never reviews. */
export type ReviewerRole = Exclude<Role, 'creator'>;

/** One stage of a workflow as configured: which agency (the owner, each partner, or a named one) and role decide. */
export interface StageTemplate {
  key: string;
  /** `owner`: the campaign's agency; `partners`: one stage per partner agency; or an agency id. */
  agency: string;
  role: ReviewerRole;
  /** How many different people of that agency and role must approve. */
  quorum: number;
  deadlineHours: number;
}

/** A stage as a submission fixes it: the agency resolved. */
export interface ReviewStage {
  key: string;
  agencyId: string;
  role: ReviewerRole;
  quorum: number;
  deadlineHours: number;
}

/** The lead agency's default: its reviewer, then legal; joint campaigns add each partner agency's reviewers. */
export const DEFAULT_WORKFLOW: StageTemplate[] = [
  { key: 'agency_review', agency: 'owner', role: 'reviewer', quorum: 1, deadlineHours: 48 },
  { key: 'legal', agency: 'owner', role: 'legal_officer', quorum: 1, deadlineHours: 48 },
  { key: 'partner_review', agency: 'partners', role: 'reviewer', quorum: 1, deadlineHours: 72 },
];

/** Who has a review queue to look at: the roles the default workflow asks to decide, and admins, who decide escalated stages. */
export const REVIEWING_ROLES: readonly Role[] = [...new Set<Role>([...DEFAULT_WORKFLOW.map((s) => s.role), 'admin'])];

/** The stages a submission follows, from a template and the campaign's agencies. */
export function resolveStages(
  template: StageTemplate[],
  ownerAgencyId: string,
  partnerAgencyIds: string[],
): ReviewStage[] {
  return template.flatMap((t): ReviewStage[] => {
    const { agency, ...rest } = t;
    if (agency === 'owner') return [{ ...rest, agencyId: ownerAgencyId }];
    if (agency === 'partners') return partnerAgencyIds.map((p) => ({ ...rest, key: `${t.key}:${p}`, agencyId: p }));
    return [{ ...rest, agencyId: agency }];
  });
}

export interface StageState {
  stages: ReviewStage[];
  stageIndex: number;
  /** Who approved the current stage so far. */
  approvals: string[];
}

/**
 * What a decision does to a submission in review: which move, and where the
 * review stands after it. An approval counts once per person; a stage moves
 * on when its quorum is reached; the last stage's approval approves.
 */
export function applyDecision(
  state: StageState,
  decision: ReviewDecision,
  by: string,
): { move: SubmissionMove | null; state: StageState } {
  if (decision === 'reject') return { move: 'reject', state };
  if (decision === 'request_changes')
    return { move: 'request_changes', state: { ...state, stageIndex: 0, approvals: [] } };
  if (state.approvals.includes(by)) {
    throw new DomainError(
      'submission.already_decided',
      'You approved this stage already; another reviewer must approve too',
      [],
      { stage: state.stages[state.stageIndex]?.key },
    );
  }
  const approvals = [...state.approvals, by];
  const stage = state.stages[state.stageIndex];
  if (approvals.length < stage.quorum) return { move: null, state: { ...state, approvals } };
  if (state.stageIndex + 1 >= state.stages.length) return { move: 'approve', state: { ...state, approvals } };
  return { move: 'approve_stage', state: { ...state, stageIndex: state.stageIndex + 1, approvals: [] } };
}

/** May this person decide the stage: its agency and role, and not their own submission. */
export function mayDecide(
  stage: ReviewStage | undefined,
  actor: { userId: string; orgId: string; roles: Role[] },
  submittedBy: string,
): boolean {
  return !!stage && actor.orgId === stage.agencyId && actor.roles.includes(stage.role) && actor.userId !== submittedBy;
}
