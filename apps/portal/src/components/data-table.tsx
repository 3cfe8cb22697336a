import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextKey } from '../i18n';

/** One column of a `DataTable`: its header, and what each row shows in it. */
export interface Column<Row> {
  id: string;
  header: TextKey;
  /** Figures: right-aligned, header and cells alike. */
  numeric?: boolean;
  /** The cell names its row (`<th scope="row">`): the first column, as a rule. */
  rowHeader?: boolean;
  /** More classes for the column's cells (`mono` for numbers and codes). */
  className?: string;
  cell: (row: Row) => ReactNode;
}

/**
 * The portal's table of records (react-admin's Datagrid): a header of column
 * names, a row each, inside a scroll box for narrow screens. With `empty`,
 * no rows show as that sentence instead of an empty table.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowClassName,
  caption,
  captionClassName = 'visually-hidden',
  empty,
  busy,
  className,
  scrollClassName,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  rowClassName?: (row: Row) => string | undefined;
  /** What the table holds, for screen readers (shown only with another `captionClassName`). */
  caption?: ReactNode;
  captionClassName?: string;
  empty?: TextKey;
  /** The rows are being loaded again (`aria-busy`). */
  busy?: boolean;
  /** More classes for the table. */
  className?: string;
  /** More classes for the scroll box (`table-tall`). */
  scrollClassName?: string;
}) {
  const { t } = useTranslation();
  if (empty && rows.length === 0) return <p className="empty">{t(empty)}</p>;
  const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;
  return (
    <div className={classes('table-scroll', scrollClassName)}>
      <table className={classes('data-table', className)} aria-busy={busy}>
        {caption !== undefined && <caption className={captionClassName}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={classes(column.numeric && 'numeric')}>
                {t(column.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => {
                const className = classes(column.numeric && 'numeric', column.className);
                return column.rowHeader ? (
                  <th key={column.id} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.id} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
