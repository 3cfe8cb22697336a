import { DomainError, type FieldError } from '../errors';

/** What a platform counts for a publication. Every counter is cumulative: it only grows. */
export const REACH_COUNTERS = ['views', 'likes', 'comments', 'shares'] as const;
export type ReachCounter = (typeof REACH_COUNTERS)[number];
export type ReachReading = { at: string } & Record<ReachCounter, number>;

/**
 * A publication's counters only grow. A reading is refused when a counter
 * is below the reading just before it (the same moment counts as before) or
 * above the one just after it (which would then fall), unless it is a
 * correction: a correction (with its reason, which the service stores and
 * audits) replaces figures that were wrong. The problem carries the figures
 * on both sides, so the caller can say what was there and what was sent.
 */
export function assertCountersGrow(
  sent: ReachReading,
  around: { previous?: ReachReading | null; next?: ReachReading | null },
  correction?: { reason: string } | null,
): void {
  if (correction) return;
  const errors: FieldError[] = [];
  for (const counter of REACH_COUNTERS) {
    const { previous, next } = around;
    if (previous && sent[counter] < previous[counter]) {
      errors.push({
        path: `input.${counter}`,
        code: 'below_previous',
        message: `${previous[counter]} ${counter} were reported at ${previous.at}; a counter never falls (send a correction with its reason if that figure was wrong)`,
      });
    } else if (next && sent[counter] > next[counter]) {
      errors.push({
        path: `input.${counter}`,
        code: 'above_next',
        message: `${next[counter]} ${counter} were reported later, at ${next.at}; a counter never falls (send a correction with its reason if that figure was wrong)`,
      });
    }
  }
  if (errors.length === 0) return;
  const figures = (r: ReachReading) => ({
    at: r.at,
    views: r.views,
    likes: r.likes,
    comments: r.comments,
    shares: r.shares,
  });
  const before = errors.some((e) => e.code === 'below_previous');
  throw new DomainError(
    'metrics.counter_decreased',
    before
      ? 'Reach counters only grow: this reading is below the one before it'
      : 'Reach counters only grow: a later reading is below this one',
    errors,
    {
      sent: figures(sent),
      ...(around.previous ? { previous: figures(around.previous) } : {}),
      ...(around.next ? { next: figures(around.next) } : {}),
    },
  );
}
