import { Area, AreaChart, Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayPoint, PlatformPoint } from './report-data';

/**
 * The report's two charts (recharts). They are pictures of the tables drawn
 * next to them: the page gives each a caption, a summary in words and the
 * figures as a table, so nothing is only in the chart. `width` fixes the size
 * (tests, print); without it the chart follows its container.
 */

const BRAND = '#0b3d91';
const GRID = '#d5d9e0';
const HEIGHT = 280;
const MAX_DOTS = 62;

interface ChartText {
  /** The measure's name in the reader's language (tooltip, axis). */
  views: string;
  number: (n: number) => string;
  compact: (n: number) => string;
}

function size(width?: number) {
  return width ? { width, height: HEIGHT } : { responsive: true, style: { width: '100%', height: HEIGHT } };
}

export function ReachOverTimeChart({
  points,
  text,
  day,
  width,
}: {
  points: DayPoint[];
  text: ChartText;
  day: (iso: string) => string;
  width?: number;
}) {
  return (
    <AreaChart
      accessibilityLayer={false}
      data={points}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      {...size(width)}
    >
      <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
      <XAxis dataKey="day" tickFormatter={day} minTickGap={24} />
      <YAxis tickFormatter={text.compact} width={64} />
      <Tooltip
        labelFormatter={(label) => day(typeof label === 'string' || typeof label === 'number' ? String(label) : '')}
        formatter={(value) => [text.number(Number(value)), text.views]}
      />
      {/* Dots mark each day while they fit: a campaign's first day of reach is a single point, which an area alone does not draw. */}
      <Area
        type="monotone"
        dataKey="views"
        name={text.views}
        stroke={BRAND}
        fill={BRAND}
        fillOpacity={0.18}
        strokeWidth={2}
        isAnimationActive={false}
        dot={points.length <= MAX_DOTS ? { r: 4, fill: BRAND, strokeWidth: 0 } : false}
      />
    </AreaChart>
  );
}

export function ReachByPlatformChart({
  points,
  text,
  platform,
  width,
}: {
  points: PlatformPoint[];
  text: ChartText;
  platform: (p: string) => string;
  width?: number;
}) {
  return (
    <BarChart
      accessibilityLayer={false}
      data={points}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      {...size(width)}
    >
      <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="platform" tickFormatter={platform} />
      <YAxis tickFormatter={text.compact} width={64} />
      <Tooltip
        labelFormatter={(label) => platform(typeof label === 'string' ? label : '')}
        formatter={(value) => [text.number(Number(value)), text.views]}
      />
      <Bar dataKey="views" name={text.views} fill={BRAND} isAnimationActive={false} />
    </BarChart>
  );
}
