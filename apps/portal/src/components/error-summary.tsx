import type { ReactNode } from 'react';
import { fieldMessage, problemMessage, type PlacedErrors, type Problem } from '../api/problem';
import { ProblemAlert, useMessage } from './messages';

/**
 * What stops a form, on top of it (the GOV.UK error summary): a heading, the
 * problem in words (unless it only says the input was invalid), each field
 * error as a link to its field, and the errors no field shows. A problem
 * without field errors shows as a plain alert; nothing, when all is well.
 */
export function ErrorSummary({
  title,
  titleId = 'error-summary-title',
  placed,
  problem,
  inputId,
  children,
}: {
  title: string;
  titleId?: string;
  /** The field errors shown, placed on the form's fields. */
  placed: PlacedErrors;
  problem?: Problem;
  /** The id of the input that shows errors at `path`, for the links. */
  inputId: (path: string) => string;
  /** More to say under the list (e.g. a link to what the problem names). */
  children?: ReactNode;
}) {
  const say = useMessage();
  const items = [...placed.byField.entries()].flatMap(([path, errors]) => errors.map((error) => ({ path, error })));
  if (items.length === 0 && placed.unplaced.length === 0) return problem ? <ProblemAlert problem={problem} /> : null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {problem && problem.code !== 'validation.failed' && <p>{say(problemMessage(problem))}</p>}
      <ul>
        {items.map(({ path, error }, i) => (
          <li key={`${path}-${i}`}>
            <a href={`#${inputId(path)}`}>{say(fieldMessage(error, problem))}</a>
          </li>
        ))}
        {placed.unplaced.map((error, i) => (
          <li key={`unplaced-${i}`}>{say(fieldMessage(error, problem))}</li>
        ))}
      </ul>
      {children}
    </div>
  );
}
