import { describe, expect, it } from '@jest/globals';
import { csvFileName, peakDay, reachByPlatform, reachOverTime, targetLines, type CampaignReport } from './report-data';

const figures = (views: number) => ({ views, likes: views / 10, comments: 1, shares: 2 });

describe('the campaign report (chart data)', () => {
  it('draws reach so far day by day: days in order, a day without a reading carrying the last figures, and what each day added', () => {
    // The demo campaign: 850,000 views read on the 1st, 3,100,000 on the 3rd; the counters are cumulative.
    const points = reachOverTime([
      { day: '2026-12-03', ...figures(3_100_000) },
      { day: '2026-12-01', ...figures(850_000) },
    ]);
    expect(points.map((p) => [p.day, p.views, p.likes, p.added])).toEqual([
      ['2026-12-01', 850_000, 85_000, 850_000],
      ['2026-12-02', 850_000, 85_000, 0],
      ['2026-12-03', 3_100_000, 310_000, 2_250_000],
    ]);
    // The last day is the report's total, not the sum of the days (3,950,000).
    expect(points.at(-1)?.views).toBe(3_100_000);
    expect(peakDay(points)?.day).toBe('2026-12-03');
    expect(reachOverTime([])).toEqual([]);
  });

  it('shows a correction as a day that took views away', () => {
    const points = reachOverTime([
      { day: '2026-12-01', ...figures(5000) },
      { day: '2026-12-02', ...figures(4000) },
    ]);
    expect(points.map((p) => [p.views, p.added])).toEqual([
      [5000, 5000],
      [4000, -1000],
    ]);
    expect(peakDay(points)?.day).toBe('2026-12-01');
  });

  it('crosses month ends when filling days', () => {
    expect(
      reachOverTime([
        { day: '2026-11-29', ...figures(1) },
        { day: '2026-12-01', ...figures(2) },
      ]).map((p) => p.day),
    ).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });

  it('orders platforms by reach, the largest first', () => {
    const platforms = reachByPlatform([
      { platform: 'facebook', publications: 1, ...figures(200) },
      { platform: 'tiktok', publications: 2, ...figures(900) },
      { platform: 'youtube', publications: 1, ...figures(200) },
    ]);
    expect(platforms.map((p) => p.platform)).toEqual(['tiktok', 'facebook', 'youtube']);
    expect(platforms[0]).toMatchObject({ views: 900, publications: 2 });
  });

  it('sets totals against targets, with no share where no target was set', () => {
    const report = {
      totals: { publications: 3, views: 250000, likes: 0, comments: 0, shares: 0 },
      targets: { views: 1000000, publications: null },
      progress: { views: 0.25, publications: null },
    } as unknown as CampaignReport;
    expect(targetLines(report)).toEqual([
      { measure: 'views', actual: 250000, target: 1000000, share: 0.25 },
      { measure: 'publications', actual: 3, target: null, share: null },
    ]);
  });

  it('names the CSV file after the campaign in plain letters', () => {
    expect(csvFileName('Hội nghị Hà Nội 2026', '2026-12-05T08:00:00Z')).toBe(
      'hoi-nghi-ha-noi-2026-report-2026-12-05.csv',
    );
    expect(csvFileName('Đường sách', '2026-12-05T08:00:00Z')).toBe('duong-sach-report-2026-12-05.csv');
    expect(csvFileName(undefined, '2026-12-05T08:00:00Z')).toBe('campaign-report-2026-12-05.csv');
  });
});
