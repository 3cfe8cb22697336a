import { ASSIGNMENT_STATUSES, assignmentMachine, type AssignmentStatusName } from '@concord/domain';
import type { Schemas } from '../../api/client';

/**
 * The assignments board: a campaign's assignments in one column per state,
 * in the order work moves (open work first, then what ended), each column
 * sorted by due time. Pure functions: no React, no i18next.
 */

export type BoardAssignment = Schemas['AssignmentPage']['items'][number];

/** The columns, in the order work moves; every state the API knows has one. */
export const BOARD_COLUMNS: readonly AssignmentStatusName[] = [
  'offered',
  'accepted',
  'submitted',
  'approved',
  'published',
  'reported',
  'closed',
  'declined',
  'expired',
  'cancelled',
];

// A state added to the domain without a column would hide assignments: fail loudly in the specs instead.
export const MISSING_COLUMNS = ASSIGNMENT_STATUSES.filter((s) => !BOARD_COLUMNS.includes(s));

export interface BoardColumn {
  status: AssignmentStatusName;
  items: BoardAssignment[];
}

/** One column per state (empty ones included, so the board's shape does not move), soonest due first. */
export function groupByStatus(items: readonly BoardAssignment[]): BoardColumn[] {
  return BOARD_COLUMNS.map((status) => ({
    status,
    items: items
      .filter((item) => item.status === status)
      .sort((a, b) => a.brief.dueAt.localeCompare(b.brief.dueAt) || a.creatorName.localeCompare(b.creatorName)),
  }));
}

/** The states from which the owning agency may cancel (work not yet submitted), from the domain's state machine. */
export function isCancellable(status: AssignmentStatusName): boolean {
  return assignmentMachine.table.cancel.from.includes(status);
}

/** How many assignments are overdue: said above the board. */
export function overdueCount(items: readonly BoardAssignment[]): number {
  return items.filter((item) => item.overdue).length;
}
