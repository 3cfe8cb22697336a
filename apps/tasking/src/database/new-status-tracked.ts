import { firstStatus } from '@concord/domain';

/**
 * The columns a new status-tracked row (a StatusTrackedRow of @concord/database) starts with: created in `status` by
 * `by` at `now`, its history that one entry, at version 1.
 */
export function newStatusTracked<S extends string>(status: S, by: string, now: Date) {
  return {
    status,
    statusHistory: firstStatus(status, by, now.toISOString()),
    version: 1,
    createdBy: by,
    createdAt: now,
  };
}
