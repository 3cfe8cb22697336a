import type { DependencyList } from 'react';
import type { ConcordClient, Result } from '../api/client';
import { useApiClient } from '../session/session';
import { useApi } from './use-api';
import { useCursorPages } from './use-cursor-pages';

/**
 * A list read a page at a time by the server's cursor: `read` gets the
 * cursor of the page to show, `deps` what else the read depends on (a
 * filter: the caller goes back to the first page with `pages.reset`).
 */
export function usePagedRead<T>(
  read: (api: ConcordClient, cursor: string | undefined, signal: AbortSignal) => Promise<Result<T>>,
  deps: DependencyList,
) {
  const api = useApiClient();
  const pages = useCursorPages();
  const loaded = useApi((signal) => read(api, pages.cursor, signal), [api, pages.cursor, ...deps]);
  return { pages, loaded };
}
