import { z } from 'zod';

/**
 * One change of an object's status, spelled one way for every object that
 * keeps a history (creators, agreements, campaigns, campaign requests, agency
 * tasks, assignments): from, to, why, when, by whom. `from` is null for the
 * first entry, when the object came to be.
 */
export interface StatusChange<S extends string> {
  from: S | null;
  to: S;
  reason: string | null;
  at: string;
  by: string;
}

/** The schema of one status change, for an object whose statuses are `status`. */
export function statusChangeSchema<S extends string>(status: z.ZodType<S>) {
  return z.object({
    from: status.nullable(),
    to: status,
    reason: z.string().nullable(),
    at: z.iso.datetime(),
    by: z.string(),
  });
}

/** The schema of a status history, oldest change first. */
export function statusHistorySchema<S extends string>(status: z.ZodType<S>) {
  return z.array(statusChangeSchema(status));
}

/** The history an object starts with: created in `to`, by `by`, at `at` (ISO). */
export function firstStatus<S extends string>(to: S, by: string, at: string): StatusChange<S>[] {
  return [{ from: null, to, reason: null, at, by }];
}

/** Moves `row` to `to` and adds the change (from its status now, why, by whom, at `at`) to the end of its history. */
export function recordStatusChange<S extends string>(
  row: { status: S; statusHistory: StatusChange<S>[] },
  to: S,
  by: string,
  reason: string | null,
  at = new Date(),
): void {
  row.statusHistory = [...row.statusHistory, { from: row.status, to, reason, at: at.toISOString(), by }];
  row.status = to;
}
