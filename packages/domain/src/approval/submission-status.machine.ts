import { machine } from '../state-machine';

export const SUBMISSION_STATUSES = ['in_review', 'changes_requested', 'approved', 'rejected', 'withdrawn'] as const;
export type SubmissionStatusName = (typeof SUBMISSION_STATUSES)[number];

type Rule = { from: readonly SubmissionStatusName[]; to: SubmissionStatusName };

/**
 * A submission's review. Its first version puts it in review at the first
 * stage; each stage approves (the next stage, or approved after the last),
 * asks for changes (back to the creator, whose new version starts the
 * stages again) or rejects (final). The creator may withdraw it until it is
 * decided.
 *
 * in_review(stage) → changes_requested → in_review … → approved | rejected | withdrawn
 */
export const submissionMachine = machine<
  SubmissionStatusName,
  {
    approve_stage: Rule;
    approve: Rule;
    request_changes: Rule;
    reject: Rule;
    resubmit: Rule;
    withdraw: Rule;
  }
>(
  'A submission',
  {
    /** A stage approves and another follows. */
    approve_stage: { from: ['in_review'], to: 'in_review' },
    /** The last stage approves. */
    approve: { from: ['in_review'], to: 'approved' },
    request_changes: { from: ['in_review'], to: 'changes_requested' },
    reject: { from: ['in_review'], to: 'rejected' },
    /** A new version after changes were asked for. */
    resubmit: { from: ['changes_requested'], to: 'in_review' },
    withdraw: { from: ['in_review', 'changes_requested'], to: 'withdrawn' },
  },
  'submission.status_transition_forbidden',
);

export type SubmissionMove = keyof typeof submissionMachine.table;

export const REVIEW_DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
