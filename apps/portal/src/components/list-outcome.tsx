import type { ReactNode } from 'react';
import type { PlacedErrors } from '../api/problem';
import type { Loaded } from '../lib/use-api';
import { ProblemAlert, ResultStatus } from './messages';

/**
 * What a list's read came to, over the list: the status line (`children`),
 * and a failed read as an alert, unless each of its field errors stands at a
 * search field (`placed`: where the list's filters placed them).
 */
export function ListOutcome({
  loaded,
  placed,
  children,
}: {
  loaded: Loaded<unknown> & { reload: () => void };
  placed?: PlacedErrors;
  children?: ReactNode;
}) {
  const placedAll = placed !== undefined && placed.unplaced.length === 0 && (loaded.problem?.errors?.length ?? 0) > 0;
  return (
    <>
      <ResultStatus loading={loaded.state === 'loading'}>{children}</ResultStatus>
      {loaded.state === 'error' && !placedAll && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
    </>
  );
}
