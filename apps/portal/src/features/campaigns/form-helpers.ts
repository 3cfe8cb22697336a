import type { FieldProblem } from '../../api/problem';

/**
 * Small pure helpers shared by the campaign area's forms: lists typed one per
 * line or separated by commas, and field errors whose codes the core catalogue
 * does not word.
 */

/** One item per line (blank lines dropped, each trimmed). */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Items separated by commas, semicolons or spaces. */
export function words(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Field error codes only this area's services return, worded in this area's catalogue. */
export const AREA_FIELD_CODES = ['before_start', 'not_lead_agency', 'choose_target'] as const;

/**
 * Puts this area's wording of a code into the error's message (the text the
 * shared field-error helper falls back to), so it reads in the user's language.
 */
export function wordAreaCodes(
  errors: readonly FieldProblem[],
  word: (code: (typeof AREA_FIELD_CODES)[number]) => string,
): FieldProblem[] {
  return errors.map((error) =>
    (AREA_FIELD_CODES as readonly string[]).includes(error.code)
      ? { ...error, message: word(error.code as (typeof AREA_FIELD_CODES)[number]) }
      : error,
  );
}
