import type { ReactNode } from 'react';
import type { FieldProblem } from '../api/problem';
import type { UrlFilters } from '../lib/use-url-filters';
import { enumValue } from './enum-select';
import { TextField } from './text-field';

/**
 * A list's search (react-admin's filter form): the search box, the filters
 * under their legend, and a button that clears them all once any applies.
 * It searches as it is typed into: there is nothing to submit.
 */
export function SearchPanel({
  id,
  label,
  search,
  filters,
  errors,
  legend,
  clearLabel,
  note,
  children,
}: {
  /** The search box's id. */
  id: string;
  /** The accessible name of the search. */
  label: string;
  /** The search box's label and hint. */
  search: { label: string; hint: string };
  filters: Pick<UrlFilters<'q'>, 'draft' | 'filtered' | 'set' | 'clear'>;
  /** What the API said of the search text. */
  errors?: FieldProblem[];
  legend: string;
  clearLabel: string;
  /** Said under the filters (a filter set elsewhere, say). */
  note?: ReactNode;
  /** The filters' fields. */
  children: ReactNode;
}) {
  return (
    <div className="search-panel">
      <form role="search" aria-label={label} onSubmit={(e) => e.preventDefault()} noValidate>
        <TextField
          id={id}
          label={search.label}
          hint={search.hint}
          errors={errors}
          className="field-wide"
          type="search"
          value={filters.draft.q}
          onChange={(e) => filters.set('q', e.target.value)}
          spellCheck={false}
        />
        <fieldset className="filters">
          <legend>{legend}</legend>
          {children}
        </fieldset>
        {note}
        {filters.filtered && (
          <button type="button" className="button-secondary" onClick={filters.clear}>
            {clearLabel}
          </button>
        )}
      </form>
    </div>
  );
}

/**
 * What ties a list's filter fields to its filters: each field's id, what the
 * API said of its value, the value shown and how it changes (a choice applies
 * at once; what is typed settles first). `any` names the choice of no value.
 */
export function filterFields<Name extends string>(
  filters: Pick<UrlFilters<Name>, 'draft' | 'set'>,
  errorsAt: (name: Name) => FieldProblem[] | undefined,
  any: string,
) {
  return {
    choice: <V extends string>(id: string, name: Name, values: readonly V[]) => ({
      id,
      errors: errorsAt(name),
      values,
      any,
      value: enumValue(values, filters.draft[name]),
      onChange: (value: V | '') => filters.set(name, value, true),
    }),
    text: (id: string, name: Name) => ({
      id,
      errors: errorsAt(name),
      value: filters.draft[name],
      onChange: (event: { target: { value: string } }) => filters.set(name, event.target.value),
    }),
  };
}
