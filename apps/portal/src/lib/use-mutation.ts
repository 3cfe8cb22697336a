import { useCallback, useRef, useState } from 'react';
import type { Result } from '../api/client';
import { requestFieldErrors, type FieldProblem, type Problem } from '../api/problem';
import { createIdempotencyKeys } from './idempotency';

/** A refusal because the object moved on meanwhile (someone else wrote first): 409 or 412, naming no field. */
export function isStaleRefusal(problem: Problem): boolean {
  return (problem.status === 409 || problem.status === 412) && !problem.errors?.length;
}

export interface MutationOptions {
  /**
   * Reads the object again after a stale refusal (awaited before the write
   * stops being busy). The refusal stays as the problem, with `stale` set,
   * so the form can tell the user what they now see is the fresh object.
   */
  onStale?: (problem: Problem) => void | Promise<void>;
  /** Which refusals are stale (by default: 409 or 412 naming no field). */
  isStale?: (problem: Problem) => boolean;
}

export interface Mutation {
  /** A write is on its way: buttons are disabled, forms `aria-busy`. */
  busy: boolean;
  /** The last write's refusal (problem+json), until the next write or `reset`. */
  problem?: Problem;
  /** The refusal was stale and the object has been read again (only with `onStale`). */
  stale: boolean;
  /** The refusal's field errors, with paths into the request body. */
  fieldErrors: FieldProblem[];
  /**
   * Sends one write: `send` gets the Idempotency-Key for `body` (what
   * identifies the submission), the same key while the body stays the same,
   * so a retry after a lost answer returns the first result.
   */
  run<T>(body: unknown, send: (idempotencyKey: string) => Promise<Result<T>>): Promise<Result<T>>;
  /** Forgets the refusal (a form closed, a file chosen again). */
  reset(): void;
}

/**
 * The one way the portal writes: every form and action button sends through
 * it (directly, or through `useForm`), so each has the same busy state,
 * refusal, Idempotency-Key and reload of a stale object.
 */
export function useMutation({ onStale, isStale = isStaleRefusal }: MutationOptions = {}): Mutation {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ problem: Problem; stale: boolean } | undefined>();
  const keyOf = useRef(createIdempotencyKeys()).current;

  async function run<T>(body: unknown, send: (idempotencyKey: string) => Promise<Result<T>>): Promise<Result<T>> {
    setBusy(true);
    setRefusal(undefined);
    try {
      const result = await send(keyOf(body));
      if (!result.ok) {
        const stale = onStale !== undefined && isStale(result.problem);
        if (stale) await onStale(result.problem);
        setRefusal({ problem: result.problem, stale });
      }
      return result;
    } finally {
      setBusy(false);
    }
  }

  const reset = useCallback(() => setRefusal(undefined), []);
  const problem = refusal?.problem;
  return { busy, problem, stale: refusal?.stale ?? false, fieldErrors: requestFieldErrors(problem), run, reset };
}
