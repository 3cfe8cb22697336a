export interface BackoffSettings {
  /** Delay before the first restart. */
  initialMs: number;
  /** The delay doubles up to this. */
  maxMs: number;
  /** A run at least this long counts as healthy: the next crash starts again from `initialMs`. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { initialMs: 500, maxMs: 30_000, stableMs: 60_000 };

/**
 * How long to wait before restarting a crashed service: 0.5 s, 1 s, 2 s, …
 * up to 30 s while it keeps crashing; back to 0.5 s once it has stayed up a
 * minute. Pure: the supervisor tells it how long each run lasted.
 */
export class RestartBackoff {
  private crashesInARow = 0;

  constructor(private readonly settings: BackoffSettings = DEFAULT_BACKOFF) {}

  /** The delay before the next start, after a run that lasted `uptimeMs`. */
  next(uptimeMs: number): number {
    if (uptimeMs >= this.settings.stableMs) this.crashesInARow = 0;
    const delay = Math.min(this.settings.maxMs, this.settings.initialMs * 2 ** this.crashesInARow);
    this.crashesInARow += 1;
    return delay;
  }
}
