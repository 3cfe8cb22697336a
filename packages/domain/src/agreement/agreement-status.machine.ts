import { machine, type TransitionTable } from '../state-machine';

export const AGREEMENT_STATUSES = [
  'draft',
  'legal_review',
  'approved',
  'signed',
  'active',
  'suspended',
  'expired',
  'terminated',
] as const;
export type AgreementStatusName = (typeof AGREEMENT_STATUSES)[number];

/** What moves an agreement, and from where to where. */
export const AGREEMENT_TRANSITIONS = {
  submit_for_review: { from: ['draft'], to: 'legal_review' },
  legal_approve: { from: ['legal_review'], to: 'approved' },
  legal_return: { from: ['legal_review'], to: 'draft' },
  /** Both signatures given; active at once when the term has begun. */
  sign: { from: ['approved'], to: 'signed' },
  activate: { from: ['signed'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  terminate: { from: ['draft', 'legal_review', 'approved', 'signed', 'active', 'suspended'], to: 'terminated' },
  expire: { from: ['signed', 'active', 'suspended'], to: 'expired' },
} as const satisfies TransitionTable<AgreementStatusName>;

export type AgreementMove = keyof typeof AGREEMENT_TRANSITIONS;

export const agreementMachine = machine<AgreementStatusName, typeof AGREEMENT_TRANSITIONS>(
  'An agreement',
  AGREEMENT_TRANSITIONS,
  'agreement.status_transition_forbidden',
);

/** The moves allowed from `status`, in the table's order. */
export function agreementMovesFrom(status: AgreementStatusName): AgreementMove[] {
  return agreementMachine.movesFrom(status);
}
