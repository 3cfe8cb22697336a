import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from './errors';
import { machine } from './state-machine';

/**
 * The generic machine, on a tiny table of its own: a door that is
 * closed → open (open_wide), open → closed (shut), closed or open → gone
 * (tear_down); gone is final. The code is borrowed; any ErrorCode will do.
 */
type Door = 'closed' | 'open' | 'gone';
const DOORS: Door[] = ['closed', 'open', 'gone'];
const door = machine<
  Door,
  {
    open_wide: { from: readonly Door[]; to: Door };
    shut: { from: readonly Door[]; to: Door };
    tear_down: { from: readonly Door[]; to: Door };
  }
>(
  'A door',
  {
    open_wide: { from: ['closed'], to: 'open' },
    shut: { from: ['open'], to: 'closed' },
    tear_down: { from: ['closed', 'open'], to: 'gone' },
  },
  'campaign.status_transition_forbidden',
);
type DoorMove = keyof typeof door.table;
const MOVES: DoorMove[] = ['open_wide', 'shut', 'tear_down'];

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('machine()', () => {
  it('keeps the table it was given', () => {
    expect(Object.keys(door.table)).toEqual(MOVES);
    expect(door.table.shut).toEqual({ from: ['open'], to: 'closed' });
  });

  it.each<{ from: Door; move: DoorMove; to: Door | null; detail: string | null; allowed: DoorMove[] }>([
    { from: 'closed', move: 'open_wide', to: 'open', detail: null, allowed: ['open_wide', 'tear_down'] },
    {
      from: 'closed',
      move: 'shut',
      to: null,
      detail: 'A door that is closed cannot shut; allowed now: open_wide, tear_down',
      allowed: ['open_wide', 'tear_down'],
    },
    { from: 'closed', move: 'tear_down', to: 'gone', detail: null, allowed: ['open_wide', 'tear_down'] },
    {
      from: 'open',
      move: 'open_wide',
      to: null,
      detail: 'A door that is open cannot open wide; allowed now: shut, tear_down',
      allowed: ['shut', 'tear_down'],
    },
    { from: 'open', move: 'shut', to: 'closed', detail: null, allowed: ['shut', 'tear_down'] },
    { from: 'open', move: 'tear_down', to: 'gone', detail: null, allowed: ['shut', 'tear_down'] },
    {
      from: 'gone',
      move: 'open_wide',
      to: null,
      detail: 'A door that is gone cannot open wide; allowed now: nothing (final)',
      allowed: [],
    },
    {
      from: 'gone',
      move: 'shut',
      to: null,
      detail: 'A door that is gone cannot shut; allowed now: nothing (final)',
      allowed: [],
    },
    {
      from: 'gone',
      move: 'tear_down',
      to: null,
      detail: 'A door that is gone cannot tear down; allowed now: nothing (final)',
      allowed: [],
    },
  ])('$from --$move--> $to', ({ from, move, to, detail, allowed }) => {
    expect(door.movesFrom(from)).toEqual(allowed);
    if (to !== null) {
      expect(door.move(from, move)).toBe(to);
      return;
    }
    const error = caught(() => door.move(from, move));
    expect(error.code).toBe('campaign.status_transition_forbidden');
    expect(error.detail).toBe(detail);
    expect(error.message).toBe(detail);
    expect(error.errors).toEqual([]);
    expect(error.extensions).toEqual({ from, move, allowed });
    expect(error.toProblem()).toMatchObject({
      code: 'campaign.status_transition_forbidden',
      detail,
      from,
      move,
      allowed,
    });
  });

  it('names moves in the message with spaces, but keeps the move name in the extensions', () => {
    const error = caught(() => door.move('open', 'open_wide'));
    expect(error.detail).toContain('cannot open wide;');
    expect(error.extensions.move).toBe('open_wide');
  });

  it('lists allowed moves in table key order, not in the order of from lists', () => {
    const m = machine<
      'a' | 'b',
      { z: { from: readonly ('a' | 'b')[]; to: 'a' | 'b' }; y: { from: readonly ('a' | 'b')[]; to: 'a' | 'b' } }
    >(
      'A thing',
      { z: { from: ['b', 'a'], to: 'b' }, y: { from: ['a'], to: 'a' } },
      'campaign_request.status_transition_forbidden',
    );
    expect(m.movesFrom('a')).toEqual(['z', 'y']);
    expect(m.movesFrom('b')).toEqual(['z']);
    expect(m.move('a', 'y')).toBe('a');
    const error = caught(() => m.move('b', 'y'));
    expect(error.code).toBe('campaign_request.status_transition_forbidden');
    expect(error.detail).toBe('A thing that is b cannot y; allowed now: z');
  });

  it('replaces every underscore of a move name in the message', () => {
    const m = machine<'s' | 't', { a_b_c: { from: readonly ('s' | 't')[]; to: 's' | 't' } }>(
      'A thing',
      { a_b_c: { from: ['s'], to: 't' } },
      'campaign.status_transition_forbidden',
    );
    expect(caught(() => m.move('t', 'a_b_c')).detail).toBe(
      'A thing that is t cannot a b c; allowed now: nothing (final)',
    );
  });

  it('a move either leads where the table says or throws, agreeing with movesFrom', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOORS), fc.constantFrom(...MOVES), (from, move) => {
        const rule = door.table[move];
        if (rule.from.includes(from)) {
          expect(door.move(from, move)).toBe(rule.to);
          expect(door.movesFrom(from)).toContain(move);
        } else {
          expect(() => door.move(from, move)).toThrow(DomainError);
          expect(door.movesFrom(from)).not.toContain(move);
        }
      }),
    );
  });
});
