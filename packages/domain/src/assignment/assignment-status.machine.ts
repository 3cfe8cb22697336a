import { defineMachine } from '../state-machine';

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

/**
 * A brief offered to one creator. The creator accepts or declines; the
 * content approval service's events move it from submitted on; the
 * campaign manager cancels work not yet submitted; offers nobody answered
 * expire at the brief's due time.
 *
 * offered → accepted | declined → submitted → approved → published → reported → closed, or expired | cancelled
 */
export const assignmentMachine = defineMachine(
  'An assignment',
  'assignment.status_transition_forbidden',
  ASSIGNMENT_STATUSES,
  {
    offered: { accept: 'accepted', decline: 'declined', expire: 'expired', cancel: 'cancelled' },
    accepted: { submit: 'submitted', cancel: 'cancelled' },
    /** request_changes: the creator works on a new version; reject: the content was rejected (final). */
    submitted: { request_changes: 'accepted', approve: 'approved', reject: 'closed' },
    approved: { publish: 'published' },
    published: { report: 'reported', close: 'closed' },
    reported: { report: 'reported', close: 'closed' },
  },
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
