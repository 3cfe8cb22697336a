/**
 * The API's errors (RFC 9457 problem+json) turned into what a person reads:
 * catalogue keys to try in order, the values they interpolate, and the API's
 * own words as the last resort. Field errors are placed next to the field
 * they concern (`channels.0.handle`), or next to the nearest group that the
 * form shows (`channels.0`, `channels`), or, failing that, above the form.
 * Pure functions: no React, no i18next.
 */

export interface FieldProblem {
  /** Dotted path into the request, e.g. `channels.0.handle`. */
  path: string;
  code: string;
  message: string;
}

export interface Problem {
  code: string;
  detail: string;
  status?: number;
  title?: string;
  type?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** What to show: the first key the catalogue has, interpolated with `values`; else `fallback`. */
export interface Message {
  keys: string[];
  values: Record<string, unknown>;
  fallback: string;
}

/** Problems the portal makes itself when no problem+json came back. */
export const NETWORK_PROBLEM: Problem = { code: 'network', detail: 'The server could not be reached', status: 0 };
export function unexpectedProblem(status: number): Problem {
  return { code: 'unexpected', detail: `Unexpected answer (HTTP ${status})`, status };
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).code === 'string' &&
    typeof (value as Problem).detail === 'string'
  );
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'code', 'detail', 'errors', 'instance']);

/** The problem's extension members (e.g. `existingCreatorId`, `existingCreatorName`), for interpolation. */
export function problemValues(problem: Problem): Record<string, unknown> {
  return Object.fromEntries(Object.entries(problem).filter(([key]) => !STANDARD_MEMBERS.has(key)));
}

/** The sentence for the whole problem: `problem.<code>` (codes are dotted, like catalogue keys). */
export function problemMessage(problem: Problem): Message {
  return { keys: [`problem.${problem.code}`], values: problemValues(problem), fallback: problem.detail };
}

/** `channels.0.handle` → `channels.handle`: list positions do not change what a field means. */
export function fieldKey(path: string): string {
  return path
    .split('.')
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
    .join('.');
}

/**
 * The sentence for one field error: this field's own wording for the code
 * (`fields.channels.handle.invalid_format`), then the wording for the code on any
 * field (`fieldError.invalid_format`), then the API's message.
 */
export function fieldMessage(error: FieldProblem, problem?: Problem): Message {
  const field = fieldKey(error.path);
  const keys = field ? [`fields.${field}.${error.code}`, `fieldError.${error.code}`] : [`fieldError.${error.code}`];
  return { keys, values: problem ? problemValues(problem) : {}, fallback: error.message };
}

/** A field error the portal finds itself (a required field left empty, say), worded by its code. */
export function fieldProblem(path: string, code: string, message = ''): FieldProblem {
  return { path, code, message };
}

/** The problem's field errors with paths into the request body (services put `input.` or `changes.` before them). */
export function requestFieldErrors(problem: Problem | undefined): FieldProblem[] {
  return (problem?.errors ?? []).map((error) => ({ ...error, path: error.path.replace(/^(input|changes)\./, '') }));
}

/** The errors at `path` or below it dropped: the user changed that field. */
export function withoutPath(errors: readonly FieldProblem[], path: string): FieldProblem[] {
  return errors.filter((e) => e.path !== path && !e.path.startsWith(`${path}.`));
}

export interface PlacedErrors {
  /** Errors by the path of the field (or group) that shows them. */
  byField: Map<string, FieldProblem[]>;
  /** Errors no field of the form shows: listed above the form. */
  unplaced: FieldProblem[];
}

/**
 * Places each field error on the field of `fields` with its path, or on the
 * nearest enclosing group in `fields`; the rest are unplaced.
 */
export function placeFieldErrors(errors: readonly FieldProblem[], fields: Iterable<string>): PlacedErrors {
  const known = new Set(fields);
  const byField = new Map<string, FieldProblem[]>();
  const unplaced: FieldProblem[] = [];
  for (const error of errors) {
    const target = nearestField(error.path, known);
    if (target === undefined) {
      unplaced.push(error);
    } else {
      byField.set(target, [...(byField.get(target) ?? []), error]);
    }
  }
  return { byField, unplaced };
}

function nearestField(path: string, known: Set<string>): string | undefined {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length--) {
    const candidate = segments.slice(0, length).join('.');
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

/** The creator that a `creator.channel_taken` problem names, for a link to their page. */
export function existingCreator(problem: Problem | undefined): { id: string; name: string } | undefined {
  if (problem?.code !== 'creator.channel_taken') return undefined;
  const id = problem.existingCreatorId;
  const name = problem.existingCreatorName;
  return typeof id === 'string' ? { id, name: typeof name === 'string' ? name : id } : undefined;
}
