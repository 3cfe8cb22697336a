import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldKey, fieldMessage, problemMessage, type FieldProblem, type Message, type Problem } from '../api/problem';

/** Turns a `Message` (catalogue keys to try, values, the API's words as fallback) into text. */
export function useMessage(): (message: Message) => string {
  const { t } = useTranslation();
  return useCallback(
    (message: Message) =>
      // Keys are built from API codes at run time; the catalogue test checks that every code has one.
      (t as unknown as (keys: string[], options: Record<string, unknown>) => string)(message.keys, {
        ...message.values,
        defaultValue: message.fallback,
      }),
    [t],
  );
}

/** A problem as an alert: what went wrong in words, and a way to try again where that helps. */
export function ProblemAlert({ problem, onRetry, id }: { problem: Problem; onRetry?: () => void; id?: string }) {
  const { t } = useTranslation();
  const say = useMessage();
  return (
    <div className="alert alert-error" role="alert" id={id}>
      <p>{say(problemMessage(problem))}</p>
      {/* A form that did not place these next to its fields: each named here, never only "some fields need attention". */}
      {(problem.errors?.length ?? 0) > 0 && (
        <ul>
          {problem.errors!.map((error, i) => (
            <li key={i}>
              {t('problemField', {
                field: t(
                  `fieldName.${fieldKey(error.path.replace(/^input\./, '')).replace(/\./g, '_')}` as 'fieldName.stages',
                  { defaultValue: t('fieldName.unknown') },
                ),
                message: say(fieldMessage({ ...error, path: error.path.replace(/^input\./, '') }, problem)),
              })}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * A form's refusal above it, unless its field errors say all of it at the
 * fields (`placedAll`: the problem names fields, and each is shown at one).
 */
export function FormProblem({ problem, placedAll }: { problem?: Problem; placedAll: boolean }) {
  if (!problem || (placedAll && problem.errors?.length)) return null;
  return <ProblemAlert problem={problem} />;
}

/** The errors of one field, in words, with the id its input points at (aria-describedby). */
export function FieldErrors({
  id,
  errors,
  problem,
}: {
  id: string;
  errors: readonly FieldProblem[];
  problem?: Problem;
}) {
  const say = useMessage();
  if (errors.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {errors.map((error) => say(fieldMessage(error, problem))).join(' ')}
    </p>
  );
}

/** A polite status line for loading and progress, read out by screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** The status line over a list of results: a spinner while it loads, and what it shows, read out politely. */
export function ResultStatus({ loading, children }: { loading: boolean; children?: ReactNode }) {
  return (
    <p className="result-status" role="status" aria-live="polite">
      {loading && <span className="spinner" aria-hidden="true" />}
      {children}
    </p>
  );
}

/**
 * A success message in a live region that is always there (so the message is
 * read out when it comes), e.g. after an action or on arriving from a form.
 * With an `id`, a form can move focus to it once it is done.
 */
export function SuccessNotice({ message, id }: { message?: string; id?: string }) {
  return (
    <div role="status" aria-live="polite" {...(id ? { id, tabIndex: -1, className: 'summary-anchor' } : {})}>
      {message && (
        <div className="alert alert-success">
          <p>{message}</p>
        </div>
      )}
    </div>
  );
}

/**
 * How a read stands, above what it shows: a spinner until its first data
 * (`label`, by default "Loading…"; the data stays shown while it loads again),
 * and its problem with a way to try again.
 */
export function LoadState({
  loaded,
  label,
}: {
  loaded: { state: 'loading' | 'ok' | 'error'; data?: unknown; problem?: Problem; reload: () => void };
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {loaded.state === 'loading' && !loaded.data && <Loading label={label ?? t('app.loading')} />}
      {loaded.problem && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
    </>
  );
}
