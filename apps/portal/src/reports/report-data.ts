import type { Schemas } from '../api/client';

/**
 * A campaign report shaped for its charts and tables: reach (views) per day
 * with gaps filled and a running total, reach per platform largest first,
 * and progress against the campaign's targets. Pure functions: no React.
 */

export type CampaignReport = Schemas['CampaignReport'];

export interface DayPoint {
  /** `YYYY-MM-DD` */
  day: string;
  views: number;
  /** Views up to and including this day. */
  cumulative: number;
  likes: number;
  comments: number;
  shares: number;
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
 * Reach by day, in order, the days without any reach between the first and
 * the last filled with zeros (a line over missing days would lie), with the running total.
 */
export function reachOverTime(byDay: CampaignReport['byDay']): DayPoint[] {
  const known = new Map(byDay.map((d) => [d.day, d]));
  const days = [...known.keys()].sort();
  if (days.length === 0) return [];
  const all: string[] = [];
  for (let day = days[0]; day <= days[days.length - 1] && all.length <= MAX_FILLED_DAYS; day = nextDay(day)) all.push(day);
  const sequence = all.length > MAX_FILLED_DAYS ? days : all;
  let cumulative = 0;
  return sequence.map((day) => {
    const d = known.get(day);
    const views = d?.views ?? 0;
    cumulative += views;
    return { day, views, cumulative, likes: d?.likes ?? 0, comments: d?.comments ?? 0, shares: d?.shares ?? 0 };
  });
}

/** Reach per platform, the largest first (platforms with the same reach by name). */
export function reachByPlatform(byPlatform: CampaignReport['byPlatform']): PlatformPoint[] {
  return byPlatform
    .map(({ platform, views, publications, likes, comments, shares }) => ({ platform, views, publications, likes, comments, shares }))
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

/** The day with the most reach, for the chart's summary (the first such day on a tie). */
export function peakDay(points: readonly DayPoint[]): DayPoint | undefined {
  return points.reduce<DayPoint | undefined>((best, p) => (best === undefined || p.views > best.views ? p : best), undefined);
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
