import { useFormat } from './format';

/**
 * What the status line over a paged list says: that it loads, that nothing
 * was found, or which rows show (`first` is the number of the page's first
 * row; without `showing`, nothing); nothing while it stands in error.
 */
export function useListStatus(
  loaded: { state: 'loading' | 'ok' | 'error' },
  shown: number,
  first: number,
  words: { loading: string; empty: string; showing?: (range: { from: string; to: string }) => string },
): string {
  const format = useFormat();
  if (loaded.state === 'loading') return words.loading;
  if (loaded.state === 'error') return '';
  if (shown === 0) return words.empty;
  if (!words.showing) return '';
  return words.showing({ from: format.number(first), to: format.number(first + shown - 1) });
}
