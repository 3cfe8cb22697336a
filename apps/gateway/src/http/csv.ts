/** One CSV line (RFC 4180): every field quoted, quotes inside doubled; null is an empty field. */
export function csvRow(values: (string | number | null)[]): string {
  return values.map((v) => `"${(v === null ? '' : String(v)).replace(/"/g, '""')}"`).join(',');
}
