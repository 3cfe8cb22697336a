/**
 * The demo's dates, counted from its anchor: the day the demo data was first
 * loaded (the first demo creator's registration day). A demo loaded on any
 * day has an agreement in force, a campaign running and a brief due in
 * twelve days; loading it again later finds the same anchor, sends the same
 * bodies under the same Idempotency-Keys, and so changes nothing.
 */
export interface DemoCalendar {
  /** The calendar day `days` after the anchor (before it when negative), `YYYY-MM-DD`. */
  day(days: number): string;
  /** That day at `time` (`HH:MM`, UTC), as an ISO instant. */
  at(days: number, time: string): string;
  /** The first day of the month `months` after the anchor's month. */
  monthStart(months: number): string;
  /** The last day of the month `months` after the anchor's month. */
  monthEnd(months: number): string;
}

const DAY_MS = 86_400_000;

export function demoCalendar(anchor: Date): DemoCalendar {
  const midnight = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate());
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    day: (days) => iso(midnight + days * DAY_MS),
    at: (days, time) => `${iso(midnight + days * DAY_MS)}T${time}:00Z`,
    monthStart: (months) => iso(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + months, 1)),
    monthEnd: (months) => iso(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + months + 1, 0)),
  };
}
