import { useState } from 'react';
import type { ConcordClient, Result } from '../api/client';
import { placeFieldErrors } from '../api/problem';
import type { PageSizeChoice } from '../components/pager';
import { useApiClient } from '../session/session';
import { useApi } from './use-api';
import { useCursorPages } from './use-cursor-pages';
import { useUrlFilters } from './use-url-filters';

/**
 * A list searched by filters kept in the address and paged by the server's
 * cursor, in pages of a size the user chooses: `query` makes the API's query
 * of the applied filters, `read` sends it. A refusal's field errors are
 * placed at the filters they name.
 */
export function useSearchedList<Name extends string, Query, Page extends { items: unknown[] }>(
  names: readonly Name[],
  {
    pageSizes,
    pageSize: firstPageSize = pageSizes[0],
    typingPauseMs,
    query: queryOf,
    read,
  }: {
    /** The page sizes offered. */
    pageSizes: readonly number[];
    /** The page size shown first (by default the first offered). */
    pageSize?: number;
    typingPauseMs?: number;
    query: (filters: Record<Name, string>, limit: number, cursor: string | undefined) => Query;
    read: (api: ConcordClient, query: Query, signal: AbortSignal) => Promise<Result<Page>>;
  },
) {
  const api = useApiClient();
  const [pageSize, setPageSize] = useState(firstPageSize);
  const pages = useCursorPages();
  const filters = useUrlFilters(names, pages.reset, typingPauseMs);
  const query = queryOf(filters.applied, pageSize, pages.cursor);
  const loaded = useApi((signal) => read(api, query, signal), [api, JSON.stringify(query)]);
  return {
    filters,
    pages,
    pageSize: { value: pageSize, options: pageSizes, onChange: setPageSize } satisfies PageSizeChoice,
    loaded,
    placed: placeFieldErrors(loaded.problem?.errors ?? [], names),
    items: (loaded.data?.items ?? []) as Page['items'],
    /** The number of the page's first row, counting from 1. */
    first: (pages.page - 1) * pageSize + 1,
  };
}
