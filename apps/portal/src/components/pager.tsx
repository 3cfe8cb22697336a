import { useTranslation } from 'react-i18next';
import type { CursorPages } from '../lib/use-cursor-pages';

/** The page size a pager offers to choose, and what happens when it is chosen. */
export interface PageSizeChoice {
  value: number;
  options: readonly number[];
  onChange: (size: number) => void;
}

/**
 * Previous and next page of a list paged by cursor (see `useCursorPages`),
 * and where the list offers it, the number of rows per page. "Next" waits
 * for the page shown to have loaded. Without a page size to choose, the pager
 * shows only when there is another page to go to.
 */
export function Pager({
  label,
  pages,
  loaded,
  pageSize,
}: {
  /** The accessible name of the navigation (which list's pages). */
  label: string;
  pages: CursorPages;
  loaded: { state: 'loading' | 'ok' | 'error'; data?: { nextCursor?: string | null } };
  pageSize?: PageSizeChoice;
}) {
  const { t } = useTranslation();
  const nextCursor = loaded.data?.nextCursor;
  if (!pageSize && pages.page === 1 && !nextCursor) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <button type="button" className="button-secondary" disabled={pages.page === 1} onClick={pages.previous}>
        {t('pager.previous')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={!nextCursor || loaded.state !== 'ok'}
        onClick={() => nextCursor && pages.next(nextCursor)}
      >
        {t('pager.next')}
      </button>
      {pageSize && (
        <label className="page-size">
          {t('pager.pageSize')}{' '}
          <select
            value={pageSize.value}
            onChange={(e) => {
              pageSize.onChange(Number(e.target.value));
              pages.reset();
            }}
          >
            {pageSize.options.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      )}
    </nav>
  );
}
