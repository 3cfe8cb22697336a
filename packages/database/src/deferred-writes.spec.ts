import { describe, expect, it } from '@jest/globals';
import { oneStatement } from './deferred-writes';

describe('oneStatement', () => {
  it('joins INSERTs into one statement, the earlier ones as CTEs, renumbering their parameters in order', () => {
    const [sql, params] = oneStatement([
      ['INSERT INTO a (x) VALUES ($1)', ['a1']],
      ['INSERT INTO b (x, y) VALUES ($1, $2)', ['b1', 'b2']],
      ['INSERT INTO c (x, y) VALUES ($2, $1)', ['c1', 'c2']],
    ]);
    expect(sql).toBe(
      'WITH s0 AS (INSERT INTO a (x) VALUES ($1)), s1 AS (INSERT INTO b (x, y) VALUES ($2, $3)) INSERT INTO c (x, y) VALUES ($5, $4)',
    );
    expect(params).toEqual(['a1', 'b1', 'b2', 'c1', 'c2']);
  });

  it('leaves a single statement as it is', () => {
    expect(oneStatement([['INSERT INTO a (x) VALUES ($1)', [1]]])).toEqual(['INSERT INTO a (x) VALUES ($1)', [1]]);
  });
});
