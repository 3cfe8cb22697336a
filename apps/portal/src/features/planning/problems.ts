import { placeFieldErrors, type FieldProblem, type Problem } from '../api/problem';

/**
 * A problem split for a form: the field errors by the field that shows them,
 * and whether the problem also needs saying above the form (it names no field
 * the form shows, or no field at all).
 */
export function formErrorsOf(
  problem: Problem | undefined,
  fields: Iterable<string>,
): { byField: Map<string, FieldProblem[]>; other: boolean } {
  if (!problem) return { byField: new Map(), other: false };
  const placed = placeFieldErrors(problem.errors ?? [], fields);
  return { byField: placed.byField, other: placed.unplaced.length > 0 || !problem.errors?.length };
}
