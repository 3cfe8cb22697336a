/**
 * Whole numbers as people write them: `450000000`, `450.000.000`, `450,000,000`, `450 000 000`;
 * NaN when it is not a number, undefined when blank.
 */
export function parseWhole(text: string): number | undefined {
  const digits = text.replace(/[\s.,]/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}
