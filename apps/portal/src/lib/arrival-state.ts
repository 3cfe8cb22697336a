import { useLocation } from 'react-router';

/**
 * What the page that sent the user here said about it (`navigate(to, { state })`), e.g. that a draft was just
 * created: each field may be missing, since the user can also arrive by a link or a reload.
 */
export function useArrivalState<T extends object>(): Partial<T> {
  const state: unknown = useLocation().state;
  return typeof state === 'object' && state !== null ? state : {};
}
