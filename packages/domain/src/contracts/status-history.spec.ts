import { describe, expect, it } from '@jest/globals';
import { firstStatus, recordStatusChange, type StatusChange } from './status-history';

describe('recordStatusChange', () => {
  it('moves the row and adds the change to the end of its history, leaving the history it had as it was', () => {
    const history: StatusChange<'draft' | 'active'>[] = firstStatus('draft', 'maker@mcst', '2026-01-01T00:00:00.000Z');
    const row = { status: 'draft' as 'draft' | 'active', statusHistory: history };
    recordStatusChange(row, 'active', 'admin@mcst', 'signed', new Date('2026-02-01T03:00:00Z'));
    expect(row.status).toBe('active');
    expect(row.statusHistory).toEqual([
      { from: null, to: 'draft', reason: null, at: '2026-01-01T00:00:00.000Z', by: 'maker@mcst' },
      { from: 'draft', to: 'active', reason: 'signed', at: '2026-02-01T03:00:00.000Z', by: 'admin@mcst' },
    ]);
    expect(history).toHaveLength(1);
  });
});
