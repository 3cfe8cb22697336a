import { describe, expect, it } from '@jest/globals';
import { parseWhole } from './whole-number';

describe('whole numbers as typed', () => {
  it('reads amounts as people write them', () => {
    expect(parseWhole('450.000.000')).toBe(450_000_000);
    expect(parseWhole('450,000,000')).toBe(450_000_000);
    expect(parseWhole(' 30 ')).toBe(30);
    expect(parseWhole('')).toBeUndefined();
    expect(parseWhole('12a')).toBeNaN();
  });
});
