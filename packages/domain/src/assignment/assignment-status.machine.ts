import { machine } from '../state-machine';

export const ASSIGNMENT_STATUSES = [
  'offered',
  'accepted',
  'declined',
  'submitted',
  'approved',
  'published',
  'reported',
  'closed',
  'expired',
  'cancelled',
] as const;
export type AssignmentStatusName = (typeof ASSIGNMENT_STATUSES)[number];

type Rule = { from: readonly AssignmentStatusName[]; to: AssignmentStatusName };

/**
 * A brief offered to one creator. The creator accepts or declines; the
 * content approval service's events move it from submitted on; the
 * campaign manager cancels work not yet submitted; offers nobody answered
 * expire at the brief's due time.
 *
 * offered → accepted | declined → submitted → approved → published → reported → closed, or expired | cancelled
 */
export const assignmentMachine = machine<
  AssignmentStatusName,
  {
    accept: Rule;
    decline: Rule;
    submit: Rule;
    request_changes: Rule;
    approve: Rule;
    reject: Rule;
    publish: Rule;
    report: Rule;
    close: Rule;
    expire: Rule;
    cancel: Rule;
  }
>(
  'An assignment',
  {
    accept: { from: ['offered'], to: 'accepted' },
    decline: { from: ['offered'], to: 'declined' },
    submit: { from: ['accepted'], to: 'submitted' },
    /** Reviewers asked for changes: the creator works on a new version. */
    request_changes: { from: ['submitted'], to: 'accepted' },
    approve: { from: ['submitted'], to: 'approved' },
    /** The content was rejected (final): the assignment ends there. */
    reject: { from: ['submitted'], to: 'closed' },
    publish: { from: ['approved'], to: 'published' },
    report: { from: ['published', 'reported'], to: 'reported' },
    close: { from: ['published', 'reported'], to: 'closed' },
    expire: { from: ['offered'], to: 'expired' },
    cancel: { from: ['offered', 'accepted'], to: 'cancelled' },
  },
  'assignment.status_transition_forbidden',
);

export type AssignmentMove = keyof typeof assignmentMachine.table;

/** Work a creator has on their plate: counts against their capacity and their calendar. */
export const BUSY_ASSIGNMENT_STATUSES: readonly AssignmentStatusName[] = [
  'offered',
  'accepted',
  'submitted',
  'approved',
];

/** Assignments that use an agreement's deliverable quota (everything not declined, expired or cancelled). */
export const QUOTA_ASSIGNMENT_STATUSES: readonly AssignmentStatusName[] = [
  'offered',
  'accepted',
  'submitted',
  'approved',
  'published',
  'reported',
  'closed',
];

/** Started: content has been submitted. An ended agreement cancels what has not started and flags the rest. */
export function isAssignmentStarted(status: AssignmentStatusName): boolean {
  return ['submitted', 'approved', 'published', 'reported', 'closed'].includes(status);
}

/** Overdue: still being worked on past the brief's due time. */
export function isAssignmentOverdue(status: AssignmentStatusName, dueAt: Date, now: Date): boolean {
  return (status === 'accepted' || status === 'offered') && dueAt.getTime() < now.getTime();
}
