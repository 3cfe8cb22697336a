import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';

export const MEASURES = ['publications', 'views', 'likes', 'comments', 'shares'] as const;

/** Publications, views, likes, comments and shares, one row per platform or creator. */
export function MeasuresTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  rows: { key: string; label: ReactNode; figures: Record<(typeof MEASURES)[number], number> }[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {MEASURES.map((m) => (
              <th key={m} scope="col" className="numeric">
                {t(`report.measure.${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {MEASURES.map((m) => (
                <td key={m} className="numeric">
                  {format.number(row.figures[m])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
