/**
 * A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or carriage return) is neutralised with a leading apostrophe, as OWASP
 * advises against CSV injection. Numbers are written as they are.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180): every field quoted, quotes inside doubled; null is an empty field; see `csvCell`. */
export function csvRow(values: (string | number | null)[]): string {
  return values.map((v) => `"${csvCell(v).replace(/"/g, '""')}"`).join(',');
}
