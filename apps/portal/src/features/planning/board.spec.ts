import { describe, expect, it } from '@jest/globals';
import { ASSIGNMENT_STATUSES } from '@concord/domain';
import { BOARD_COLUMNS, groupByStatus, isCancellable, MISSING_COLUMNS, overdueCount } from './board';
import { assignmentFixture } from './fixtures';

describe('the assignments board (grouping)', () => {
  it('has one column per assignment state, open work first', () => {
    expect(MISSING_COLUMNS).toEqual([]);
    expect([...BOARD_COLUMNS].sort()).toEqual([...ASSIGNMENT_STATUSES].sort());
    expect(BOARD_COLUMNS.slice(0, 3)).toEqual(['offered', 'accepted', 'submitted']);
  });

  it('puts each assignment in its state’s column, soonest due first, and keeps empty columns', () => {
    const later = assignmentFixture({
      id: 'a1',
      status: 'accepted',
      brief: { ...assignmentFixture({ id: 'x' }).brief, dueAt: '2026-12-20T10:00:00Z' },
    });
    const sooner = assignmentFixture({
      id: 'a2',
      status: 'accepted',
      brief: { ...assignmentFixture({ id: 'x' }).brief, dueAt: '2026-12-05T10:00:00Z' },
    });
    const offered = assignmentFixture({ id: 'a3', status: 'offered' });
    const columns = groupByStatus([later, offered, sooner]);
    expect(columns).toHaveLength(BOARD_COLUMNS.length);
    expect(columns.find((c) => c.status === 'accepted')!.items.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(columns.find((c) => c.status === 'offered')!.items.map((a) => a.id)).toEqual(['a3']);
    expect(columns.find((c) => c.status === 'cancelled')!.items).toEqual([]);
    expect(columns.flatMap((c) => c.items)).toHaveLength(3);
  });

  it('lets work not yet submitted be cancelled, as the domain’s state machine says', () => {
    expect(ASSIGNMENT_STATUSES.filter(isCancellable)).toEqual(['offered', 'accepted']);
  });

  it('counts the overdue assignments', () => {
    expect(overdueCount([assignmentFixture({ id: 'a', overdue: true }), assignmentFixture({ id: 'b' })])).toBe(1);
  });
});
