import { agreementMovesFrom, diffWords, type DiffPart } from '@concord/domain';
import type { Schemas } from '../../api/client';
import type { Action } from '../../session/ability';

/**
 * What can be done with an agreement now (its status, its amendment under
 * way, the user's permissions) and what each amendment changed, as word
 * diffs. Pure functions: no React, no i18next.
 */

export type Agreement = Schemas['Agreement'];
export type AgreementVersion = Agreement['versions'][number];
export type Party = 'agency' | 'counterparty';

export type LifecycleAction =
  | 'edit'
  | 'submit'
  | 'legal_decision'
  | 'sign'
  | 'suspend'
  | 'resume'
  | 'terminate'
  | 'amend'
  | 'amendment_decision'
  | 'amendment_sign'
  | 'add_milestone'
  | 'pay_milestone'
  | 'upload_document';

/** Whether the signed-in user may take `action` on agreements of their own agency. */
export type Can = (action: Action) => boolean;

/** The permission each lifecycle action needs (the same names the agreements service checks). */
export const PERMISSION_OF: Record<LifecycleAction, Action> = {
  edit: 'update',
  submit: 'submit',
  legal_decision: 'legal_decision',
  sign: 'sign',
  suspend: 'suspend',
  resume: 'resume',
  terminate: 'terminate',
  amend: 'update',
  amendment_decision: 'legal_decision',
  amendment_sign: 'sign',
  add_milestone: 'manage_milestones',
  pay_milestone: 'manage_milestones',
  upload_document: 'update',
};

/** The amendment under way (in legal review or approved, awaiting signatures), if any. */
export function pendingAmendment(agreement: Pick<Agreement, 'versions'>): AgreementVersion | undefined {
  return agreement.versions.find((v) => v.status === 'in_review' || v.status === 'approved');
}

/** The parties that have not signed yet, of the agreement or of an amendment. */
export function unsignedParties(signatures: readonly { party: Party }[]): Party[] {
  return (['agency', 'counterparty'] as const).filter((party) => !signatures.some((s) => s.party === party));
}

const SIGNED_STATES: readonly Agreement['status'][] = ['signed', 'active', 'suspended'];

/**
 * The actions to offer, in the order the page shows them: those the status
 * allows (the domain's state machine and the service's rules) and the user's
 * role permits. The API refuses the rest anyway.
 */
export function availableActions(
  agreement: Pick<Agreement, 'status' | 'versions' | 'signatures' | 'milestones'>,
  can: Can,
): LifecycleAction[] {
  const moves = agreementMovesFrom(agreement.status);
  const amendment = pendingAmendment(agreement);
  const offered: LifecycleAction[] = [];
  if (agreement.status === 'draft') offered.push('edit');
  if (moves.includes('submit_for_review')) offered.push('submit');
  if (moves.includes('legal_approve')) offered.push('legal_decision');
  if (moves.includes('sign') && unsignedParties(agreement.signatures).length > 0) offered.push('sign');
  if (amendment?.status === 'in_review') offered.push('amendment_decision');
  if (amendment?.status === 'approved' && unsignedParties(amendment.signatures).length > 0)
    offered.push('amendment_sign');
  if (SIGNED_STATES.includes(agreement.status) && !amendment) offered.push('amend');
  if (moves.includes('suspend')) offered.push('suspend');
  if (moves.includes('resume')) offered.push('resume');
  if (moves.includes('terminate')) offered.push('terminate');
  if (!['terminated', 'expired'].includes(agreement.status)) offered.push('add_milestone');
  if ([...SIGNED_STATES, 'expired'].includes(agreement.status) && agreement.milestones.some((m) => m.status !== 'paid'))
    offered.push('pay_milestone');
  offered.push('upload_document');
  return offered.filter((action) => can(PERMISSION_OF[action]));
}

/** The budget planned in milestones and paid so far, and what is left of the agreement's budget. */
export function milestoneTotals(agreement: Pick<Agreement, 'budget' | 'milestones'>): {
  planned: number;
  paid: number;
  unplanned: number;
} {
  const planned = agreement.milestones.reduce((sum, m) => sum + m.amount, 0);
  const paid = agreement.milestones.filter((m) => m.status === 'paid').reduce((sum, m) => sum + m.amount, 0);
  return { planned, paid, unplanned: Math.max(0, agreement.budget - planned) };
}

/** How each term is written for reading and for a word diff (dates, money and platform names in the reader's language). */
export interface TermWriter {
  date: (iso: string) => string;
  money: (n: number) => string;
  platform: (platform: string) => string;
  months: (n: number) => string;
  none: string;
}

/** One term's value as text. */
export function termText(field: string, value: unknown, write: TermWriter): string {
  if (value === null || value === undefined) return write.none;
  switch (field) {
    case 'term': {
      const term = value as { start: string; end: string };
      return `${write.date(term.start)} – ${write.date(term.end)}`;
    }
    case 'budget':
      return write.money(value as number);
    case 'deliverables': {
      const rows = value as { platform: string; quantity: number }[];
      return rows.length ? rows.map((d) => `${write.platform(d.platform)} × ${d.quantity}`).join(', ') : write.none;
    }
    case 'usageRights': {
      const rights = value as { durationMonths: number; channels?: string[]; territories?: string[] };
      return [
        write.months(rights.durationMonths),
        (rights.channels ?? []).join(', '),
        (rights.territories ?? []).join(', '),
      ]
        .filter(Boolean)
        .join(' · ');
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export interface FieldDiff {
  field: string;
  before: string;
  after: string;
  parts: DiffPart[];
}

/**
 * What version `n` changed against the version before it, field by field:
 * both values as text and their word diff. The original version (1) changed nothing.
 */
export function versionDiff(versions: readonly AgreementVersion[], n: number, write: TermWriter): FieldDiff[] {
  const index = versions.findIndex((v) => v.version === n);
  if (index <= 0) return [];
  const previous = versions[index - 1].terms as unknown as Record<string, unknown>;
  const current = versions[index].terms as unknown as Record<string, unknown>;
  const fields = versions[index].changes.length ? versions[index].changes.map((c) => c.field) : Object.keys(current);
  return fields
    .map((field) => ({
      field,
      before: termText(field, previous[field], write),
      after: termText(field, current[field], write),
    }))
    .filter((d) => d.before !== d.after)
    .map((d) => ({ ...d, parts: diffWords(d.before, d.after) }));
}
