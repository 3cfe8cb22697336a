import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../api/client';
import type { FieldProblem, Problem } from '../api/problem';
import { ProblemAlert } from '../components/messages';
import { createIdempotencyKeys } from '../lib/idempotency';
import type { Agreement } from './lifecycle';

/** What a write on the agreement page reports back to the page. */
export interface WriteOutcome {
  /** Done: say so and reload the agreement. */
  onDone: (message: string) => void;
  /** The agreement moved on meanwhile (409/412): say so and reload the fresh one. */
  onStale: (problem: Problem) => void;
}

/** A stale answer: someone else changed the agreement, or it is no longer in a state for this. */
export function isStale(problem: Problem): boolean {
  return problem.status === 409 || problem.status === 412;
}

/**
 * One write of the agreement page: busy state, the API's problem, and an
 * Idempotency-Key that stays the same while the request does (a retry after a
 * lost answer returns the first result). A stale answer goes to the page,
 * which explains it and reloads the agreement.
 */
export function useWrite({ onStale }: Pick<WriteOutcome, 'onStale'>) {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useRef(createIdempotencyKeys()).current;
  async function send(body: unknown, call: (idempotencyKey: string) => Promise<Result<Agreement>>): Promise<boolean> {
    setBusy(true);
    setProblem(undefined);
    const result = await call(key(body));
    setBusy(false);
    if (result.ok) return true;
    if (isStale(result.problem) && !result.problem.errors?.length) {
      onStale(result.problem);
      return false;
    }
    setProblem(result.problem);
    return false;
  }
  /** The API's field errors, with the prefixes some services put on them removed. */
  const fieldErrors: FieldProblem[] = (problem?.errors ?? []).map((e) => ({
    ...e,
    path: e.path.replace(/^(input|changes)\./, ''),
  }));
  return { problem, setProblem, busy, send, fieldErrors };
}

/** The problem of a write, unless its field errors are shown at their fields. */
export function WriteProblem({ problem, placedAll }: { problem?: Problem; placedAll: boolean }) {
  if (!problem || (placedAll && problem.errors?.length)) return null;
  return <ProblemAlert problem={problem} />;
}

/**
 * A button that opens a small form, and the form with a way to cancel. Focus
 * follows: into the form's first control when it opens, back to the button
 * when it is cancelled.
 */
export function Disclosure({
  label,
  open,
  setOpen,
  children,
}: {
  label: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    if (open) panel.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    else opener.current?.focus();
  }, [open]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    setOpen(next);
  };
  if (!open) {
    return (
      <button ref={opener} type="button" className="button-secondary" onClick={() => toggle(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="action-open" ref={panel}>
      {children}
      <button type="button" className="button-link-plain" onClick={() => toggle(false)}>
        {t('agreementsArea.actions.cancel')}
      </button>
    </div>
  );
}
