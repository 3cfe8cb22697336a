import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { isAbort, type Result } from '../api/client';
import { unexpectedProblem, type Problem } from '../api/problem';

export type Loaded<T> =
  | { state: 'loading'; data?: T; problem?: undefined }
  | { state: 'ok'; data: T; problem?: undefined }
  | { state: 'error'; data?: T; problem: Problem };

/**
 * Loads with `load` whenever `deps` change (the previous request is aborted);
 * keeps the last data while the next loads, so tables do not flicker.
 */
export function useApi<T>(
  load: (signal: AbortSignal) => Promise<Result<T>>,
  deps: DependencyList,
): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded((previous) => ({ state: 'loading', data: previous.data }));
    load(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setLoaded(result.ok ? { state: 'ok', data: result.data } : { state: 'error', problem: result.problem });
      },
      (error: unknown) => {
        if (!isAbort(error) && !controller.signal.aborted) setLoaded({ state: 'error', problem: unexpectedProblem(0) });
      },
    );
    return () => controller.abort();
    // `load` is a new function on every render; `deps` say when it means something else.
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...loaded, reload };
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
