import { useCallback, useState } from 'react';

/** Where a list paged by the server's cursors stands, and the ways to move. */
export interface CursorPages {
  /** The cursor of the page shown (`undefined` on the first page). */
  cursor: string | undefined;
  /** The page shown, counting from 1. */
  page: number;
  /** Back to the first page (after a filter or the page size changed). */
  reset: () => void;
  previous: () => void;
  /** On to the page that starts at `cursor` (the `nextCursor` of the page shown). */
  next: (cursor: string) => void;
}

/**
 * Pages of a list the API hands out by cursor: the cursors of the pages seen
 * so far are kept, so "previous" goes back without the API knowing how.
 */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const reset = useCallback(() => setCursors([undefined]), []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const next = useCallback((cursor: string) => setCursors((c) => [...c, cursor]), []);
  return { cursor: cursors[cursors.length - 1], page: cursors.length, reset, previous, next };
}
