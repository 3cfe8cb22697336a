import type { ReactNode } from 'react';
import type { PlacedErrors } from '../api/problem';
import type { Loaded } from '../lib/use-api';
import type { CursorPages } from '../lib/use-cursor-pages';
import { ListOutcome } from './list-outcome';
import { Pager, type PageSizeChoice } from './pager';

/** A list's page as read: how the read stands, its items, where it was refused, the page size chosen. */
export interface ListPage {
  loaded: Loaded<{ nextCursor?: string | null }> & { reload: () => void };
  pages: CursorPages;
  items: readonly unknown[];
  placed?: PlacedErrors;
  pageSize?: PageSizeChoice;
}

/**
 * The results of a paged list: the status line (`status`) and a failed read
 * over them, the rows (`children`, shown once there are any), and the pager
 * (`pagination` names it).
 */
export function ListResults({
  list,
  status,
  pagination,
  children,
}: {
  list: ListPage;
  status: ReactNode;
  pagination: string;
  children: ReactNode;
}) {
  const { loaded, pages, items, placed, pageSize } = list;
  return (
    <>
      <ListOutcome loaded={loaded} placed={placed}>
        {status}
      </ListOutcome>
      {items.length > 0 && children}
      <Pager label={pagination} pages={pages} loaded={loaded} pageSize={pageSize} />
    </>
  );
}
