import { describe, expect, it } from '@jest/globals';
import { csvRow } from './csv';

describe('csvRow', () => {
  it('quotes every field and doubles quotes inside', () => {
    expect(csvRow(['TTDN-2026-0001', 'Cục "TTCS"', null, 80000000])).toBe(
      '"TTDN-2026-0001","Cục ""TTCS""","","80000000"',
    );
  });

  it.each(['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises a text cell a spreadsheet would run as a formula: %j',
    (cell) => {
      expect(csvRow([cell])).toBe(`"'${cell.replace(/"/g, '""')}"`);
    },
  );

  it('leaves numbers, negative ones included, as numbers', () => {
    expect(csvRow([-5, 0, 'a-b'])).toBe('"-5","0","a-b"');
  });
});
