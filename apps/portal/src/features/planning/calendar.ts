import type { Schemas } from '../../api/client';

/**
 * The planning calendar: one month at a time, as an agenda by day (the
 * campaigns running that month, then each day with what starts, ends or
 * falls due on it). Pure functions: no React, no i18next.
 */

export type CalendarItem = Schemas['CalendarView']['items'][number];

/** A month: `month` counts from 1 (January). */
export interface Month {
  year: number;
  month: number;
}

/** What happens to an item on a day. */
export type EntryRole = 'starts' | 'ends' | 'due';

export interface CalendarEntry {
  role: EntryRole;
  item: CalendarItem;
}

export interface CalendarDay {
  /** `YYYY-MM-DD` */
  day: string;
  entries: CalendarEntry[];
}

export interface MonthAgenda {
  /** Campaigns whose period overlaps the month, by start. */
  running: CalendarItem[];
  /** Every day of the month, in order, with its entries (possibly none). */
  days: CalendarDay[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03` → March 2026; anything else → the month `today` is in. */
export function parseMonth(text: string | null | undefined, today: Date): Month {
  const match = /^(\d{4})-(\d{2})$/.exec(text ?? '');
  if (match) {
    const month = Number(match[2]);
    if (month >= 1 && month <= 12) return { year: Number(match[1]), month };
  }
  return { year: today.getFullYear(), month: today.getMonth() + 1 };
}

export function monthKey(m: Month): string {
  return `${m.year}-${pad(m.month)}`;
}

/** The month `delta` months before (negative) or after. */
export function shiftMonth(m: Month, delta: number): Month {
  const index = m.year * 12 + (m.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function daysIn(m: Month): number {
  return new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
}

/** The calendar query for the month: first and last day, inclusive. */
export function monthRange(m: Month): { from: string; to: string } {
  return { from: `${monthKey(m)}-01`, to: `${monthKey(m)}-${pad(daysIn(m))}` };
}

/** Every day of the month, `YYYY-MM-DD`. */
export function monthDays(m: Month): string[] {
  return Array.from({ length: daysIn(m) }, (_, i) => `${monthKey(m)}-${pad(i + 1)}`);
}

/** The reader's calendar day of an instant (due times are instants; the day is the one on the reader's wall). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Campaigns are calendar dates (the API sends `…T00:00:00.000Z` to
 * `…T23:59:59.999Z`): they start and end on the date as written. Briefs and
 * assignments fall due at their end, on the reader's local day.
 */
function entriesOf(item: CalendarItem): { day: string; role: EntryRole }[] {
  if (item.kind === 'campaign') {
    const start = item.start.slice(0, 10);
    const end = item.end.slice(0, 10);
    return start === end
      ? [{ day: start, role: 'starts' }]
      : [
          { day: start, role: 'starts' },
          { day: end, role: 'ends' },
        ];
  }
  return [{ day: localDay(item.end), role: 'due' }];
}

const KIND_ORDER: Record<CalendarItem['kind'], number> = { campaign: 0, brief: 1, assignment: 2 };

/** The month's agenda from the calendar's items (items outside the month are left out). */
export function monthAgenda(items: readonly CalendarItem[], m: Month): MonthAgenda {
  const days = monthDays(m);
  const byDay = new Map<string, CalendarEntry[]>(days.map((day) => [day, []]));
  for (const item of items) {
    for (const { day, role } of entriesOf(item)) byDay.get(day)?.push({ role, item });
  }
  const { from, to } = monthRange(m);
  const running = items
    .filter((item) => item.kind === 'campaign' && item.start.slice(0, 10) <= to && item.end.slice(0, 10) >= from)
    .sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
  return {
    running,
    days: days.map((day) => ({
      day,
      entries: byDay
        .get(day)!
        .sort(
          (a, b) =>
            KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] ||
            a.item.end.localeCompare(b.item.end) ||
            a.item.title.localeCompare(b.item.title),
        ),
    })),
  };
}

/** Where an item is followed: a campaign on its page, briefs and assignments on the campaign's board. */
export function itemLink(item: CalendarItem): string {
  if (item.kind === 'campaign') return `/campaigns/${item.campaignId}`;
  if (item.kind === 'assignment') return `/campaigns/${item.campaignId}/board#assignment-${item.id}`;
  return `/campaigns/${item.campaignId}/board`;
}
