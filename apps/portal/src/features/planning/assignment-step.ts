import type { AssignmentStatusName, SubmissionStatusName } from '@concord/domain';

/** What the creator does next on an assignment card. */
export type AssignmentStep =
  | { kind: 'answer' }
  /** Nothing submitted (or the last submission withdrawn or rejected): submit content. */
  | { kind: 'submit' }
  /** Reviewers asked for changes: the submission's page takes a new version. */
  | { kind: 'new_version' }
  /** Content is with the reviewers, approved or out: follow it on the submission's page. */
  | { kind: 'follow' }
  /** Still finding out where the submission stands. */
  | { kind: 'wait' }
  | { kind: 'none' };

/**
 * The card's next step and the status it shows. The assignment's own status
 * lags behind its content: after reviewers ask for changes (or the creator
 * withdraws) it is `accepted` again, although a submission exists. So an
 * accepted assignment with a submission follows the submission: changes
 * requested leads to a new version of it, never to a second submission
 * (which the approvals service refuses).
 */
export function assignmentStep(
  status: AssignmentStatusName,
  submissionId: string | null,
  submission: { status: SubmissionStatusName } | undefined,
): {
  step: AssignmentStep;
  shows: { of: 'assignment'; status: AssignmentStatusName } | { of: 'submission'; status: SubmissionStatusName };
} {
  const own = { of: 'assignment' as const, status };
  if (status === 'offered') return { step: { kind: 'answer' }, shows: own };
  if (status !== 'accepted') return { step: submissionId ? { kind: 'follow' } : { kind: 'none' }, shows: own };
  if (!submissionId) return { step: { kind: 'submit' }, shows: own };
  if (!submission) return { step: { kind: 'wait' }, shows: own };
  const shows = { of: 'submission' as const, status: submission.status };
  switch (submission.status) {
    case 'changes_requested':
      return { step: { kind: 'new_version' }, shows };
    case 'withdrawn':
    case 'rejected':
      return { step: { kind: 'submit' }, shows: own };
    default:
      return { step: { kind: 'follow' }, shows };
  }
}
