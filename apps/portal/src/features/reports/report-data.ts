import type { Schemas } from '../../api/client';

/**
 * A campaign report shaped for its charts and tables: reach (views) day by
 * day as figures so far (counters are cumulative: a day without a reading
 * carries the last figure) with what each day added, reach per platform
 * largest first, and progress against the campaign's targets. Pure
 * functions: no React.
 */

export type CampaignReport = Schemas['CampaignReport'];

export interface DayPoint {
  /** `YYYY-MM-DD` */
  day: string;
  /** Views so far: each publication's latest reading by the end of this day, summed (the report's `byDay`). */
  views: number;
  likes: number;
  comments: number;
  shares: number;
  /** Views this day added to the day before's (the first day: all its views; negative after a correction). */
  added: number;
}

export interface PlatformPoint {
  platform: string;
  views: number;
  publications: number;
  likes: number;
  comments: number;
  shares: number;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Reports spanning more days than this are drawn only on the days with reach. */
const MAX_FILLED_DAYS = 400;

/**
 * Reach day by day, in order, from the first day with a reading to the last.
 * The report's figures are cumulative (each publication's latest reading so
 * far, summed), so a day without any reading carries the day before's
 * figures, never zero, and the last day equals the report's totals; `added`
 * is what each day added.
 */
export function reachOverTime(byDay: CampaignReport['byDay']): DayPoint[] {
  const known = new Map(byDay.map((d) => [d.day, d]));
  const days = [...known.keys()].sort();
  if (days.length === 0) return [];
  const all: string[] = [];
  for (let day = days[0]; day <= days[days.length - 1] && all.length <= MAX_FILLED_DAYS; day = nextDay(day))
    all.push(day);
  const sequence = all.length > MAX_FILLED_DAYS ? days : all;
  let last = { views: 0, likes: 0, comments: 0, shares: 0 };
  return sequence.map((day) => {
    const before = last.views;
    const d = known.get(day);
    if (d) last = { views: d.views, likes: d.likes, comments: d.comments, shares: d.shares };
    return { day, ...last, added: last.views - before };
  });
}

/** Reach per platform, the largest first (platforms with the same reach by name). */
export function reachByPlatform(byPlatform: CampaignReport['byPlatform']): PlatformPoint[] {
  return byPlatform
    .map(({ platform, views, publications, likes, comments, shares }) => ({
      platform,
      views,
      publications,
      likes,
      comments,
      shares,
    }))
    .sort((a, b) => b.views - a.views || a.platform.localeCompare(b.platform));
}

export interface TargetLine {
  measure: 'views' | 'publications';
  actual: number;
  target: number | null;
  /** Share of the target reached (0.5 = half), or null without a target. */
  share: number | null;
}

/** Views and publications against the campaign's targets. */
export function targetLines(report: CampaignReport): TargetLine[] {
  return (['views', 'publications'] as const).map((measure) => {
    const target = report.targets[measure];
    const actual = report.totals[measure];
    const share = report.progress[measure] ?? (target ? actual / target : null);
    return { measure, actual, target, share };
  });
}

/** The day that added the most views, for the chart's summary (the first such day on a tie). */
export function peakDay(points: readonly DayPoint[]): DayPoint | undefined {
  return points.reduce<DayPoint | undefined>(
    (best, p) => (best === undefined || p.added > best.added ? p : best),
    undefined,
  );
}

/** The downloaded file's name: the campaign's title in plain letters and the date the report was made. */
export function csvFileName(title: string | undefined, generatedAt: string): string {
  const slug = (title ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'campaign'}-report-${generatedAt.slice(0, 10)}.csv`;
}
