import { Suspense, type ReactNode } from 'react';
import { DataTable } from '../../components/data-table';
import type { TextKey } from '../../i18n';
import { useFormat } from '../../lib/format';

export const MEASURES = ['publications', 'views', 'likes', 'comments', 'shares'] as const;

/** Publications, views, likes, comments and shares, one row per platform or creator. */
export function MeasuresTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: TextKey;
  rows: { key: string; label: ReactNode; figures: Record<(typeof MEASURES)[number], number> }[];
}) {
  const format = useFormat();
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.key}
      caption={caption}
      captionClassName="table-caption"
      columns={[
        { id: 'label', header: rowHeader, rowHeader: true, cell: (row) => row.label },
        ...MEASURES.map((m) => ({
          id: m,
          header: `report.measure.${m}` as const,
          numeric: true,
          cell: (row: (typeof rows)[number]) => format.number(row.figures[m]),
        })),
      ]}
    />
  );
}

/**
 * A chart as a figure: its caption and a summary in words (what a screen
 * reader reads; the drawing itself is hidden from it, and the same figures
 * follow as a table), the chart's code loaded with it.
 */
export function ChartFigure({
  id,
  caption,
  summary,
  chart,
}: {
  id: string;
  caption: string;
  summary: string;
  chart: ReactNode;
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <p id={`${id}-summary`} className="hint">
        {summary}
      </p>
      {chart && (
        <div aria-hidden="true" className="chart-area">
          <Suspense fallback={null}>{chart}</Suspense>
        </div>
      )}
    </figure>
  );
}
