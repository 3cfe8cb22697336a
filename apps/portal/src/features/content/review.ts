import type { DiffPart } from '@concord/domain';
import type { FieldProblem } from '../../api/problem';

/** A range of a version's text, as the API counts it: `start` inclusive, `end` exclusive, in UTF-16 units. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * The range a reader selected in a text of `length` characters (a textarea's
 * selectionStart / selectionEnd): in order, within the text, none when empty.
 */
export function selectedRange(
  selectionStart: number | null | undefined,
  selectionEnd: number | null | undefined,
  length: number,
): TextRange | undefined {
  if (selectionStart == null || selectionEnd == null) return undefined;
  const clamp = (n: number) => Math.max(0, Math.min(length, Math.trunc(n)));
  const start = clamp(Math.min(selectionStart, selectionEnd));
  const end = clamp(Math.max(selectionStart, selectionEnd));
  return end > start ? { start, end } : undefined;
}

/** The words a range covers, shortened for a comment's heading. */
export function quoteOf(text: string, range: TextRange, max = 80): string {
  const quoted = text.slice(range.start, range.end);
  return quoted.length > max ? `${quoted.slice(0, max - 1)}…` : quoted;
}

export type DecisionKind = 'approve' | 'request_changes' | 'reject';

/** What the decision form must have before sending: a reason for anything but approval. */
export function validateDecision(decision: DecisionKind | undefined, reason: string): FieldProblem[] {
  const errors: FieldProblem[] = [];
  if (!decision) errors.push({ path: 'decision', code: 'required', message: 'Choose a decision' });
  if (decision && decision !== 'approve' && reason.trim() === '') {
    errors.push({ path: 'reason', code: 'reason_required', message: 'Give the creator a reason' });
  }
  return errors;
}

interface Staged {
  currentStage: { overdue: boolean; dueAt: string } | null;
}

/** The review queue's order: overdue first, then soonest due. */
export function orderReviews<T extends Staged>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const overdue = Number(b.currentStage?.overdue ?? false) - Number(a.currentStage?.overdue ?? false);
    return overdue || (a.currentStage?.dueAt ?? '').localeCompare(b.currentStage?.dueAt ?? '');
  });
}

/**
 * A diff laid out side by side: the earlier version with what was removed
 * marked, the later one with what was added marked; unchanged text on both.
 */
export function sideBySide(parts: readonly DiffPart[]): { before: DiffPart[]; after: DiffPart[] } {
  return {
    before: parts.filter((part) => part.op !== 'insert'),
    after: parts.filter((part) => part.op !== 'delete'),
  };
}
