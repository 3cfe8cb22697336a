import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../errors';
import {
  ASSIGNMENT_STATUSES,
  assignmentMachine,
  BUSY_ASSIGNMENT_STATUSES,
  isAssignmentOverdue,
  isAssignmentStarted,
  QUOTA_ASSIGNMENT_STATUSES,
  type AssignmentMove,
  type AssignmentStatusName,
} from './assignment-status.machine';

/** The intended lifecycle, written out by hand: per status, the moves allowed and where each leads. */
const LIFECYCLE: Record<AssignmentStatusName, Partial<Record<AssignmentMove, AssignmentStatusName>>> = {
  offered: { accept: 'accepted', decline: 'declined', expire: 'expired', cancel: 'cancelled' },
  accepted: { submit: 'submitted', cancel: 'cancelled' },
  declined: {},
  submitted: { request_changes: 'accepted', approve: 'approved', reject: 'closed' },
  approved: { publish: 'published' },
  published: { report: 'reported', close: 'closed' },
  reported: { report: 'reported', close: 'closed' },
  closed: {},
  expired: {},
  cancelled: {},
};
const MOVES = Object.keys(assignmentMachine.table) as AssignmentMove[];

describe('assignment lifecycle', () => {
  it.each(
    ASSIGNMENT_STATUSES.flatMap((from) => MOVES.map((move) => ({ from, move, to: LIFECYCLE[from][move] ?? null }))),
  )('$from --$move--> $to', ({ from, move, to }) => {
    if (to) {
      expect(assignmentMachine.move(from, move)).toBe(to);
      return;
    }
    let error: unknown;
    try {
      assignmentMachine.move(from, move);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('assignment.status_transition_forbidden');
    expect((error as DomainError).extensions.allowed).toEqual(MOVES.filter((m) => LIFECYCLE[from][m]));
  });

  it('never leaves declined, closed, expired or cancelled, whatever moves are tried', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ASSIGNMENT_STATUSES),
        fc.array(fc.constantFrom(...MOVES), { maxLength: 30 }),
        (start, moves) => {
          let status: AssignmentStatusName = start;
          const seen = [status];
          for (const move of moves) {
            try {
              status = assignmentMachine.move(status, move);
              seen.push(status);
            } catch {
              // a forbidden move changes nothing
            }
          }
          const finalAt = seen.findIndex((s) => ['declined', 'closed', 'expired', 'cancelled'].includes(s));
          if (finalAt >= 0) expect(new Set(seen.slice(finalAt))).toEqual(new Set([seen[finalAt]]));
        },
      ),
    );
  });

  it('reaches approved only through submitted, and published only through approved', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MOVES), { maxLength: 30 }), (moves) => {
        let status: AssignmentStatusName = 'offered';
        for (const move of moves) {
          let next: AssignmentStatusName;
          try {
            next = assignmentMachine.move(status, move);
          } catch {
            continue;
          }
          if (next === 'approved') expect(status).toBe('submitted');
          if (next === 'published') expect(status).toBe('approved');
          status = next;
        }
      }),
    );
  });

  it('counts busy work and quota as a person would', () => {
    expect(BUSY_ASSIGNMENT_STATUSES).toEqual(['offered', 'accepted', 'submitted', 'approved']);
    expect(QUOTA_ASSIGNMENT_STATUSES).not.toContain('declined');
    expect(QUOTA_ASSIGNMENT_STATUSES).toContain('published');
    expect(isAssignmentStarted('accepted')).toBe(false);
    expect(isAssignmentStarted('submitted')).toBe(true);
    const due = new Date('2026-10-01T10:00:00Z');
    expect(isAssignmentOverdue('accepted', due, new Date('2026-10-02T00:00:00Z'))).toBe(true);
    expect(isAssignmentOverdue('published', due, new Date('2026-10-02T00:00:00Z'))).toBe(false);
    expect(isAssignmentOverdue('accepted', due, new Date('2026-09-30T00:00:00Z'))).toBe(false);
  });
});
