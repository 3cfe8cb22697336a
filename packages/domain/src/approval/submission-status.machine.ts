import { defineMachine } from '../state-machine';

export const SUBMISSION_STATUSES = ['in_review', 'changes_requested', 'approved', 'rejected', 'withdrawn'] as const;
export type SubmissionStatusName = (typeof SUBMISSION_STATUSES)[number];

/**
 * A submission's review. Its first version puts it in review at the first
 * stage; each stage approves (the next stage, or approved after the last),
 * asks for changes (back to the creator, whose new version starts the
 * stages again) or rejects (final). The creator may withdraw it until it is
 * decided.
 *
 * in_review(stage) → changes_requested → in_review … → approved | rejected | withdrawn
 */
export const submissionMachine = defineMachine(
  'A submission',
  'submission.status_transition_forbidden',
  SUBMISSION_STATUSES,
  {
    /** approve_stage: a stage approves and another follows; approve: the last stage approves. */
    in_review: {
      approve_stage: 'in_review',
      approve: 'approved',
      request_changes: 'changes_requested',
      reject: 'rejected',
      withdraw: 'withdrawn',
    },
    /** resubmit: a new version after changes were asked for. */
    changes_requested: { resubmit: 'in_review', withdraw: 'withdrawn' },
  },
);

export type SubmissionMove = keyof typeof submissionMachine.table;

export const REVIEW_DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
