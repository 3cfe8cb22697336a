import type { FieldProblem } from '../api/problem';

/**
 * Small pure helpers shared by the campaign area's forms: lists typed one per
 * line, local times from `datetime-local` inputs, and field errors whose codes
 * the core catalogue does not word.
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

/** The value of a `datetime-local` input (the reader's time zone) → an ISO time; '' when empty or unreadable. */
export function localToIso(local: string): string {
  if (!local) return '';
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? '' : time.toISOString();
}

/** An ISO time → the value of a `datetime-local` input in the reader's time zone. */
export function isoToLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Whole numbers as people write them: `3000000`, `3.000.000`, `3,000,000`; NaN when not a number, undefined when blank. */
export function parseWhole(text: string): number | undefined {
  const digits = text.replace(/[\s.,]/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
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

/** Errors of a form at `path` or below it dropped: the user changed that field. */
export function withoutPath(errors: readonly FieldProblem[], path: string): FieldProblem[] {
  return errors.filter((e) => e.path !== path && !e.path.startsWith(`${path}.`));
}

/** The API's field errors with paths into the request body (services name them `input.…`). */
export function apiFieldErrors(problem: { errors?: FieldProblem[] } | undefined): FieldProblem[] {
  return (problem?.errors ?? []).map((error) => ({ ...error, path: error.path.replace(/^input\./, '') }));
}
