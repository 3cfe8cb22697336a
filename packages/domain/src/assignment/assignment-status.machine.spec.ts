import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { describeLifecycle } from '../state-machine.test-helpers';
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

describeLifecycle({
  title: 'assignment',
  what: 'An assignment',
  code: 'assignment.status_transition_forbidden',
  statuses: [...ASSIGNMENT_STATUSES],
  final: ['declined', 'closed', 'expired', 'cancelled'],
  arrows: [
    'offered --accept--> accepted',
    'offered --decline--> declined',
    'offered --expire--> expired',
    'offered --cancel--> cancelled',
    'accepted --submit--> submitted',
    'accepted --cancel--> cancelled',
    'submitted --request_changes--> accepted',
    'submitted --approve--> approved',
    'submitted --reject--> closed',
    'approved --publish--> published',
    'published --report--> reported',
    'published --close--> closed',
    'reported --report--> reported',
    'reported --close--> closed',
  ],
  machine: assignmentMachine,
});

const MOVES = Object.keys(assignmentMachine.table) as AssignmentMove[];

describe('assignment lifecycle', () => {
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
