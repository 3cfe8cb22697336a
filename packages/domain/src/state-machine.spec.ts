import { describe, expect, it } from '@jest/globals';
import { caught } from './errors.test-helpers';
import { defineMachine } from './state-machine';
import { describeLifecycle } from './state-machine.test-helpers';

/**
 * The generic machine, on a tiny machine of its own: a door that is
 * closed → open (open_wide), open → closed (shut), closed or open → gone
 * (tear_down); gone is final. The code is borrowed; any ErrorCode will do.
 */
const DOORS = ['closed', 'open', 'gone'] as const;
const door = defineMachine('A door', 'campaign.status_transition_forbidden', DOORS, {
  closed: { open_wide: 'open', tear_down: 'gone' },
  open: { shut: 'closed', tear_down: 'gone' },
});

describeLifecycle({
  title: 'door',
  what: 'A door',
  code: 'campaign.status_transition_forbidden',
  statuses: ['closed', 'open', 'gone'],
  final: ['gone'],
  arrows: [
    'closed --open_wide--> open',
    'closed --tear_down--> gone',
    'open --shut--> closed',
    'open --tear_down--> gone',
  ],
  machine: door,
});

describe('defineMachine()', () => {
  it('lists each move with the statuses it may leave from, in the order of the statuses', () => {
    expect(door.table).toEqual({
      open_wide: { from: ['closed'], to: 'open' },
      tear_down: { from: ['closed', 'open'], to: 'gone' },
      shut: { from: ['open'], to: 'closed' },
    });
  });

  it.each([
    ['closed', 'shut', 'A door that is closed cannot shut; allowed now: open_wide, tear_down'],
    ['open', 'open_wide', 'A door that is open cannot open wide; allowed now: shut, tear_down'],
    ['gone', 'tear_down', 'A door that is gone cannot tear down; allowed now: nothing (final)'],
  ] as const)('refuses %s --%s--> with the message, written out', (from, move, detail) => {
    const error = caught(() => door.move(from, move));
    expect(error.detail).toBe(detail);
    expect(error.extensions.move).toBe(move);
  });

  it('lists allowed moves in the order written for the status', () => {
    const m = defineMachine('A thing', 'campaign_request.status_transition_forbidden', ['a', 'b'], {
      a: { z: 'b', y: 'a' },
      b: { z: 'b' },
    });
    expect(m.movesFrom('a')).toEqual(['z', 'y']);
    expect(m.movesFrom('b')).toEqual(['z']);
    expect(m.move('a', 'y')).toBe('a');
    const error = caught(() => m.move('b', 'y'));
    expect(error.code).toBe('campaign_request.status_transition_forbidden');
    expect(error.detail).toBe('A thing that is b cannot y; allowed now: z');
  });

  it('replaces every underscore of a move name in the message', () => {
    const m = defineMachine('A thing', 'campaign.status_transition_forbidden', ['s', 't'], { s: { a_b_c: 't' } });
    expect(caught(() => m.move('t', 'a_b_c')).detail).toBe(
      'A thing that is t cannot a b c; allowed now: nothing (final)',
    );
  });

  it('refuses a move that would lead to two statuses', () => {
    expect(() =>
      defineMachine('A thing', 'campaign.status_transition_forbidden', ['s', 't'], { s: { go: 't' }, t: { go: 's' } }),
    ).toThrow('A thing: go leads to both t and s');
  });

  it('knows no move a status inherits from Object', () => {
    expect(caught(() => door.move('gone', 'toString' as 'shut')).code).toBe('campaign.status_transition_forbidden');
  });
});
