import { defineMachine } from '../state-machine';

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
export const agreementMachine = defineMachine(
  'An agreement',
  'agreement.status_transition_forbidden',
  AGREEMENT_STATUSES,
  {
    draft: { submit_for_review: 'legal_review', terminate: 'terminated' },
    legal_review: { legal_approve: 'approved', legal_return: 'draft', terminate: 'terminated' },
    /** Both signatures given; active at once when the term has begun. */
    approved: { sign: 'signed', terminate: 'terminated' },
    signed: { activate: 'active', terminate: 'terminated', expire: 'expired' },
    active: { suspend: 'suspended', terminate: 'terminated', expire: 'expired' },
    suspended: { resume: 'active', terminate: 'terminated', expire: 'expired' },
  },
);

export type AgreementMove = keyof typeof agreementMachine.table;

/** The moves allowed from `status`, in the order written for it. */
export function agreementMovesFrom(status: AgreementStatusName): AgreementMove[] {
  return agreementMachine.movesFrom(status);
}
