import type { ReactNode } from 'react';
import type { FieldProblem, Problem } from '../api/problem';
import { FieldErrors } from './messages';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled form field: label, hint, the field's errors right above the
 * control (GOV.UK pattern), all tied to the control for screen readers.
 */
export function Field({
  id,
  label,
  hint,
  optional,
  errors = [],
  problem,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: string;
  errors?: readonly FieldProblem[];
  problem?: Problem;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', errors.length ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> ({optional})</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId && <FieldErrors id={errorId} errors={errors} problem={problem} />}
      {children({ id, 'aria-describedby': describedBy, ...(errors.length ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

/**
 * A group of fields under a legend (a period, rows, choices): what it is
 * (`legend`, `optional` when it may stay empty), a hint, and the errors
 * about the group as a whole, tied to it by its id.
 */
export function FieldGroup({
  id,
  legend,
  optional,
  hint,
  errors,
  problem,
  children,
}: {
  id: string;
  legend: ReactNode;
  optional?: string;
  hint?: ReactNode;
  errors: readonly FieldProblem[];
  problem?: Problem;
  children: ReactNode;
}) {
  return (
    <fieldset className="group" id={id}>
      <legend>
        {legend}
        {optional && (
          <>
            {' '}
            <span className="optional">({optional})</span>
          </>
        )}
      </legend>
      {hint && <p className="hint">{hint}</p>}
      <FieldErrors id={`${id}-error`} errors={errors} problem={problem} />
      {children}
    </fieldset>
  );
}
