import { useEffect, useMemo, useState } from 'react';
import { NavigationType, useNavigationType, useSearchParams } from 'react-router';
import { useNavigationPending } from './navigation-pending';
import { useDebounced } from './use-api';

/** A list's filters: as typed, as applied (in the address), and the ways to change them. */
export interface UrlFilters<Name extends string> {
  /** What the fields show. */
  draft: Record<Name, string>;
  /** What the list is filtered by: the address's values. */
  applied: Record<Name, string>;
  /** Whether any filter is applied. */
  filtered: boolean;
  /** Changes a field; typing settles for a moment before it applies, `immediate` applies at once (choices from lists). */
  set: (name: Name, value: string, immediate?: boolean) => void;
  clear: () => void;
}

/**
 * A list's filters in the address: a search can be shared and the back
 * button works. What is typed settles for `pauseMs` before it is applied;
 * `onApply` runs whenever the applied filters change (e.g. back to page 1).
 */
export function useUrlFilters<Name extends string>(
  names: readonly Name[],
  onApply: () => void,
  pauseMs = 300,
): UrlFilters<Name> {
  const [params, setParams] = useSearchParams();
  const read = (from: URLSearchParams) =>
    Object.fromEntries(names.map((name) => [name, from.get(name) ?? ''])) as Record<Name, string>;
  const [draft, setDraft] = useState(() => read(params));
  const settled = useDebounced(draft, pauseMs);
  const applied = useMemo(() => read(params), [params]);
  const navigationType = useNavigationType();
  useEffect(() => {
    // Back and forward bring an earlier search back: show it in the fields too.
    if (navigationType === NavigationType.Pop) setDraft(applied);
  }, [applied, navigationType]);
  const leaving = useNavigationPending();
  useEffect(() => {
    // On the way to another page: writing the address now would cancel that.
    if (leaving() || names.every((name) => settled[name] === applied[name])) return;
    apply(settled);
    // `applied` follows `params`; only a settled change writes the address.
  }, [settled]);

  function apply(next: Record<Name, string>) {
    const nextParams = new URLSearchParams();
    for (const name of names) if (next[name]) nextParams.set(name, next[name]);
    setParams(nextParams, { replace: true });
    onApply();
  }

  return {
    draft,
    applied,
    filtered: names.some((name) => applied[name] !== ''),
    set(name, value, immediate = false) {
      const next = { ...draft, [name]: value };
      setDraft(next);
      if (immediate) apply(next);
    },
    clear() {
      const empty = read(new URLSearchParams());
      setDraft(empty);
      apply(empty);
    },
  };
}
