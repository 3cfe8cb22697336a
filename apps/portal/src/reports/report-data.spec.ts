import { describe, expect, it } from '@jest/globals';
import { csvFileName, peakDay, reachByPlatform, reachOverTime, targetLines, type CampaignReport } from './report-data';

const figures = (views: number) => ({ views, likes: views / 10, comments: 1, shares: 2 });

describe('the campaign report (chart data)', () => {
  it('draws reach day by day: days in order, missing days as zero, with the running total', () => {
    const points = reachOverTime([
      { day: '2026-12-04', ...figures(300) },
      { day: '2026-12-01', ...figures(1000) },
      { day: '2026-12-02', ...figures(500) },
    ]);
    expect(points.map((p) => [p.day, p.views, p.cumulative])).toEqual([
      ['2026-12-01', 1000, 1000],
      ['2026-12-02', 500, 1500],
      ['2026-12-03', 0, 1500],
      ['2026-12-04', 300, 1800],
    ]);
    expect(peakDay(points)?.day).toBe('2026-12-01');
    expect(reachOverTime([])).toEqual([]);
  });

  it('crosses month ends when filling days', () => {
    expect(reachOverTime([{ day: '2026-11-29', ...figures(1) }, { day: '2026-12-01', ...figures(2) }]).map((p) => p.day)).toEqual([
      '2026-11-29', '2026-11-30', '2026-12-01',
    ]);
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
    expect(csvFileName('Hội nghị Hà Nội 2026', '2026-12-05T08:00:00Z')).toBe('hoi-nghi-ha-noi-2026-report-2026-12-05.csv');
    expect(csvFileName('Đường sách', '2026-12-05T08:00:00Z')).toBe('duong-sach-report-2026-12-05.csv');
    expect(csvFileName(undefined, '2026-12-05T08:00:00Z')).toBe('campaign-report-2026-12-05.csv');
  });
});
