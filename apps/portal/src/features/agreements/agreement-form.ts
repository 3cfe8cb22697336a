import {
  AmendmentInput,
  assertTerm,
  CreateAgreementInput,
  DomainError,
  toFieldErrors,
  UpdateAgreementInput,
  type PLATFORMS,
} from '@concord/domain';
import type { Schemas } from '../../api/client';
import type { FieldProblem } from '../../api/problem';
import { parseWhole } from '../../lib/whole-number';

/**
 * The agreement form's state as typed (strings, as the inputs hold them), the
 * requests it sends (a draft, changes to a draft, an amendment), and the
 * checks it runs before sending: the same zod contracts and rules from
 * `packages/domain` the gateway applies, so field errors have the same paths
 * and codes either way. Pure functions: no React.
 */

export type CreateAgreementRequest = Schemas['CreateAgreement'];
export type AmendmentRequest = Schemas['Amendment'];
export type UpdateAgreementRequest = Schemas['UpdateAgreement'];
export type AgreementKind = CreateAgreementRequest['kind'];
type Platform = (typeof PLATFORMS)[number];

/** The terms of an agreement, as the API shows them (an agreement or one of its versions). */
export interface Terms {
  title: string;
  scope: string;
  term: { start: string; end: string };
  budget: number;
  deliverables: { platform: Platform; quantity: number }[];
  disclosureLabel: string;
  usageRights?: { durationMonths: number; channels: string[]; territories: string[] } | null;
}

export interface DeliverableDraft {
  /** Stable React key of the row. */
  key: string;
  platform: Platform;
  quantity: string;
}

export interface TermsDraft {
  title: string;
  scope: string;
  /** `YYYY-MM-DD` from date inputs. */
  termStart: string;
  termEnd: string;
  /** In đồng, as typed: `450.000.000`, `450000000`. */
  budget: string;
  deliverables: DeliverableDraft[];
  disclosureLabel: string;
  /** Usage rights: all three blank means none. */
  usageMonths: string;
  usageChannels: string;
  usageTerritories: string;
}

export interface AgreementDraft extends TermsDraft {
  kind: AgreementKind;
  counterpartyId: string;
}

/** The disclosure label the lead agency's agreements usually carry. */
export const DEFAULT_DISCLOSURE_LABEL = '#HợpTác cùng Cục TTCS&TTĐN';

let rowCounter = 0;
export function emptyDeliverable(platform: Platform = 'tiktok'): DeliverableDraft {
  rowCounter += 1;
  return { key: `deliverable-${rowCounter}`, platform, quantity: '' };
}

export function emptyAgreementDraft(counterpartyId = ''): AgreementDraft {
  return {
    kind: 'service_contract',
    counterpartyId,
    title: '',
    scope: '',
    termStart: '',
    termEnd: '',
    budget: '',
    deliverables: [emptyDeliverable()],
    disclosureLabel: DEFAULT_DISCLOSURE_LABEL,
    usageMonths: '',
    usageChannels: '',
    usageTerritories: '',
  };
}

/** The form filled with terms the agreement has, to change them (a draft's edit, an amendment). */
export function draftFromTerms(terms: Terms): TermsDraft {
  return {
    title: terms.title,
    scope: terms.scope,
    termStart: terms.term.start,
    termEnd: terms.term.end,
    budget: String(terms.budget),
    deliverables: terms.deliverables.length
      ? terms.deliverables.map((d) => ({ ...emptyDeliverable(d.platform), quantity: String(d.quantity) }))
      : [emptyDeliverable()],
    disclosureLabel: terms.disclosureLabel,
    usageMonths: terms.usageRights ? String(terms.usageRights.durationMonths) : '',
    usageChannels: terms.usageRights?.channels.join(', ') ?? '',
    usageTerritories: terms.usageRights?.territories.join(', ') ?? '',
  };
}

const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export interface BuiltTerms {
  terms: Omit<CreateAgreementRequest, 'kind' | 'counterpartyId'>;
  /** For each deliverable sent, the form row it came from (empty rows are not sent). */
  deliverableRows: number[];
}

/** The terms for the API: trimmed, blank rows and blank usage rights left out. */
export function buildTerms(draft: TermsDraft): BuiltTerms {
  const deliverableRows: number[] = [];
  const deliverables: CreateAgreementRequest['deliverables'] = [];
  draft.deliverables.forEach((row, index) => {
    if (!row.quantity.trim()) return;
    deliverableRows.push(index);
    // An unreadable quantity is sent as such, for the contract to name.
    deliverables.push({ platform: row.platform, quantity: parseWhole(row.quantity) as number });
  });
  const hasUsage = Boolean(draft.usageMonths.trim() || draft.usageChannels.trim() || draft.usageTerritories.trim());
  return {
    terms: {
      title: draft.title.trim(),
      scope: draft.scope.trim(),
      term: { start: draft.termStart, end: draft.termEnd },
      budget: parseWhole(draft.budget) as number,
      deliverables,
      disclosureLabel: draft.disclosureLabel.trim(),
      ...(hasUsage
        ? {
            usageRights: {
              durationMonths: parseWhole(draft.usageMonths) as number,
              channels: list(draft.usageChannels),
              territories: list(draft.usageTerritories).map((t) => t.toUpperCase()),
            },
          }
        : {}),
    },
    deliverableRows,
  };
}

export function buildCreateRequest(draft: AgreementDraft): { body: CreateAgreementRequest; deliverableRows: number[] } {
  const { terms, deliverableRows } = buildTerms(draft);
  return { body: { kind: draft.kind, counterpartyId: draft.counterpartyId, ...terms }, deliverableRows };
}

/** A comparable form of a term's value (key order and absent usage rights do not count as changes). */
function comparable(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(comparable).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${k}:${comparable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const TERM_FIELDS = ['title', 'scope', 'term', 'budget', 'deliverables', 'disclosureLabel', 'usageRights'] as const;

/** Only the terms that differ from `current`: what a draft's edit or an amendment sends. */
export function changedTerms(
  draft: TermsDraft,
  current: Terms,
): { changes: UpdateAgreementRequest; deliverableRows: number[] } {
  const { terms, deliverableRows } = buildTerms(draft);
  const changes: Record<string, unknown> = {};
  for (const field of TERM_FIELDS) {
    const next = (terms as Record<string, unknown>)[field];
    if (next === undefined) continue;
    if (comparable(next) !== comparable((current as unknown as Record<string, unknown>)[field])) changes[field] = next;
  }
  return { changes: changes, deliverableRows };
}

export function buildAmendment(
  draft: TermsDraft,
  current: Terms,
  reason: string,
): { body: AmendmentRequest; deliverableRows: number[] } {
  const { changes, deliverableRows } = changedTerms(draft, current);
  return { body: { changes, reason: reason.trim() }, deliverableRows };
}

function termOrder(start: string | undefined, end: string | undefined, prefix = ''): FieldProblem[] {
  if (!start || !end) return [];
  try {
    assertTerm(start, end);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.errors.map((e) => ({ ...e, path: `${prefix}${e.path}` }));
  }
}

/** What the API would refuse in a new draft, found before sending. */
export function validateCreate(body: CreateAgreementRequest): FieldProblem[] {
  const parsed = CreateAgreementInput.safeParse(body);
  if (!parsed.success) return toFieldErrors(parsed.error);
  return termOrder(parsed.data.term.start, parsed.data.term.end);
}

/** What the API would refuse in changes to a draft (nothing changed is refused here: nothing to send). */
export function validateUpdate(changes: UpdateAgreementRequest): FieldProblem[] {
  const parsed = UpdateAgreementInput.safeParse(changes);
  if (!parsed.success) return toFieldErrors(parsed.error);
  if (Object.keys(changes).length === 0)
    return [{ path: 'changes', code: 'nothing_changes', message: 'Change at least one term' }];
  return termOrder(parsed.data.term?.start, parsed.data.term?.end);
}

/** What the API would refuse in an amendment: its contract, a reason, at least one change, a term in order. */
export function validateAmendment(body: AmendmentRequest): FieldProblem[] {
  const parsed = AmendmentInput.safeParse(body);
  const errors: FieldProblem[] = parsed.success ? [] : toFieldErrors(parsed.error);
  if (Object.keys(body.changes).length === 0)
    errors.push({ path: 'changes', code: 'nothing_changes', message: 'Change at least one term' });
  if (parsed.success)
    errors.push(...termOrder(parsed.data.changes.term?.start, parsed.data.changes.term?.end, 'changes.'));
  return errors;
}

/**
 * The API's paths → the form's: `input.` and `changes.` prefixes dropped, and
 * `deliverables.<sent index>` → `deliverables.<form row>`, so an error lands on
 * the row the user typed.
 */
export function toFormPaths(errors: readonly FieldProblem[], deliverableRows: readonly number[]): FieldProblem[] {
  return errors.map((error) => {
    const path = error.path.replace(/^input\./, '').replace(/^changes\.(?=.)/, '');
    const match = /^deliverables\.(\d+)(\..*)?$/.exec(path);
    if (!match) return { ...error, path };
    const row = deliverableRows[Number(match[1])];
    return { ...error, path: row === undefined ? path : `deliverables.${row}${match[2] ?? ''}` };
  });
}

/** Every path the terms part of the form can show an error at (fields and the groups around them). */
export function termPaths(draft: TermsDraft): string[] {
  const paths = [
    'title',
    'scope',
    'term',
    'term.start',
    'term.end',
    'budget',
    'deliverables',
    'disclosureLabel',
    'usageRights',
    'usageRights.durationMonths',
    'usageRights.channels',
    'usageRights.territories',
  ];
  draft.deliverables.forEach((_, row) => {
    for (const field of ['', '.platform', '.quantity']) paths.push(`deliverables.${row}${field}`);
  });
  return paths;
}

/** Where in the request each typed field goes (and so where the API names its errors). */
export const TERM_FIELD_PATHS: Record<Exclude<keyof TermsDraft, 'deliverables'>, string> = {
  title: 'title',
  scope: 'scope',
  termStart: 'term.start',
  termEnd: 'term.end',
  budget: 'budget',
  disclosureLabel: 'disclosureLabel',
  usageMonths: 'usageRights.durationMonths',
  usageChannels: 'usageRights.channels',
  usageTerritories: 'usageRights.territories',
};

/** The id of the input that shows errors at `path` in the form named `form`, for the error summary's links. */
export function inputIdOf(form: string, path: string): string {
  return `${form}-${path.replace(/\./g, '-')}`;
}
