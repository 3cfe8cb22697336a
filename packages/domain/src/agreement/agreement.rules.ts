import { canonicalJson } from '../audit/canonical-json';
import { DomainError } from '../errors';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, type DocumentType } from '../contracts/agreement';
import { agreementMachine, type AgreementMove, type AgreementStatusName } from './agreement-status.machine';
import { foldText } from '../text/fold';

/** The status a move leads to, or `agreement.status_transition_forbidden` naming the moves allowed now. */
export function moveAgreement(from: AgreementStatusName, move: AgreementMove): AgreementStatusName {
  return agreementMachine.move(from, move);
}

/** `TTDN-2026-0007`: the agency's prefix, the year, a sequence without gaps. */
export function agreementNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * What the agreements list's `q` is matched against: the number, title and
 * counterparty name, folded (lower case, no diacritics, đ → d).
 */
export function agreementSearchText(number: string, title: string, counterpartyName: string): string {
  return foldText([number, title, counterpartyName].join(' '));
}

/**
 * The words of an agreements search, folded like `agreementSearchText`:
 * "Công ty  SAO" → công, ty, sao folded to cong, ty, sao. Split on spaces
 * only, so "TTDN-2026-00" stays one word. Each must occur in the search text.
 */
export function agreementQueryWords(q: string): string[] {
  return [...new Set(foldText(q).split(' ').filter(Boolean))];
}

/** A term is whole dates; it must end on or after it starts. */
export function assertTerm(start: string, end: string): void {
  if (end < start) {
    throw new DomainError('validation.failed', 'The term ends before it starts', [
      { path: 'term.end', code: 'before_start', message: 'End on or after the start date' },
    ]);
  }
}

/** On the second signature: active at once when the term has begun, otherwise on its start date. */
export function statusOnSigning(termStart: string, today: string): AgreementStatusName {
  return termStart <= today ? 'active' : 'signed';
}

/** Today's date in Vietnam (UTC+7), as contract terms are written. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Payment milestones never sum above the agreement's budget. */
export function assertMilestonesWithinBudget(amounts: number[], budget: number, path = 'amount'): void {
  const total = amounts.reduce((sum, a) => sum + a, 0);
  if (total > budget) {
    throw new DomainError(
      'agreement.milestones_over_budget',
      `Milestones would total ${total.toLocaleString('en')} đồng, above the budget of ${budget.toLocaleString('en')} đồng`,
      [
        {
          path,
          code: 'over_budget',
          message: `At most ${(budget - (total - amounts[amounts.length - 1])).toLocaleString('en')} đồng fits`,
        },
      ],
      { total, budget },
    );
  }
}

/** A paid milestone is a record of a payment: it is never edited. */
export function assertMilestoneEditable(status: 'planned' | 'due' | 'paid'): void {
  if (status === 'paid') throw new DomainError('agreement.milestone_paid', 'A paid milestone cannot be changed');
}

export interface TermsChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** What an amendment changes: each top-level term whose value differs, with before and after. */
export function diffTerms(before: Record<string, unknown>, after: Record<string, unknown>): TermsChange[] {
  return Object.keys(after)
    .filter((field) => after[field] !== undefined && canonicalJson(before[field]) !== canonicalJson(after[field]))
    .sort()
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] }));
}

/** A document is accepted only below the size limit and when its bytes are what its type says. */
export function assertDocument(bytes: Uint8Array, mimeType: DocumentType): void {
  if (bytes.length === 0) {
    throw new DomainError('validation.failed', 'The document is empty', [
      { path: 'content', code: 'empty', message: 'Send the file itself' },
    ]);
  }
  if (bytes.length > DOCUMENT_MAX_BYTES) {
    throw new DomainError(
      'document.too_large',
      `The document is ${bytes.length} bytes; at most ${DOCUMENT_MAX_BYTES} are accepted`,
      [],
      {
        size: bytes.length,
        maxBytes: DOCUMENT_MAX_BYTES,
      },
    );
  }
  const { magic } = DOCUMENT_TYPES[mimeType];
  if (!magic.some((m) => m.every((byte, i) => bytes[i] === byte))) {
    throw new DomainError('document.unsupported_type', `The file is not a ${mimeType} file`, [], {
      allowed: Object.keys(DOCUMENT_TYPES),
    });
  }
}
