/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';
import { ReachByPlatformChart, ReachOverTimeChart } from './reach-charts';
import { reachByPlatform, reachOverTime } from './report-data';

const text = { views: 'Views', number: (n: number) => String(n), compact: (n: number) => `${n / 1000}k` };
const figures = (views: number) => ({ views, likes: 0, comments: 0, shares: 0 });

describe('the report charts (recharts, at a fixed size)', () => {
  it('draws reach over time as an area with a tick per day', () => {
    const points = reachOverTime([
      { day: '2026-12-01', ...figures(1000) },
      { day: '2026-12-03', ...figures(3000) },
    ]);
    const { container } = render(
      <ReachOverTimeChart points={points} text={text} day={(d) => `day ${d.slice(8)}`} width={600} />,
    );
    expect(container.querySelector('svg.recharts-surface')?.getAttribute('width')).toBe('600');
    expect(container.querySelector('.recharts-area-area')?.getAttribute('d')).toBeTruthy();
    const ticks = Array.from(
      container.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'),
      (t) => t.textContent,
    );
    expect(ticks).toEqual(['day 01', 'day 02', 'day 03']);
    // Views so far: the day without a reading stays at the first day's height, and the last day is highest.
    const heights = Array.from(container.querySelectorAll('.recharts-area-dots .recharts-dot'), (d) =>
      Number(d.getAttribute('cy')),
    );
    expect(heights).toHaveLength(3);
    expect(heights[1]).toBe(heights[0]);
    expect(heights[2]).toBeLessThan(heights[1]);
  });

  it('marks a single day of reach with a dot, which an area alone would not draw', () => {
    const points = reachOverTime([{ day: '2026-12-01', ...figures(48_250) }]);
    const { container } = render(
      <ReachOverTimeChart points={points} text={text} day={(d) => `day ${d.slice(8)}`} width={600} />,
    );
    expect(container.querySelectorAll('.recharts-area-dots .recharts-dot')).toHaveLength(1);
  });

  it('draws one bar per platform, the largest first', () => {
    const points = reachByPlatform([
      { platform: 'facebook', publications: 1, ...figures(500) },
      { platform: 'tiktok', publications: 1, ...figures(2000) },
    ]);
    const { container } = render(
      <ReachByPlatformChart points={points} text={text} platform={(p) => p.toUpperCase()} width={600} />,
    );
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    const ticks = Array.from(
      container.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'),
      (t) => t.textContent,
    );
    expect(ticks).toEqual(['TIKTOK', 'FACEBOOK']);
  });
});
