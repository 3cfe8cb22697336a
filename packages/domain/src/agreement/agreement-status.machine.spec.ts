import { describe, expect, it } from '@jest/globals';
import { describeLifecycle } from '../state-machine.test-helpers';
import { AGREEMENT_STATUSES, agreementMachine, agreementMovesFrom } from './agreement-status.machine';
import { moveAgreement } from './agreement.rules';

describeLifecycle({
  title: 'agreement',
  what: 'An agreement',
  code: 'agreement.status_transition_forbidden',
  statuses: ['draft', 'legal_review', 'approved', 'signed', 'active', 'suspended', 'expired', 'terminated'],
  final: ['expired', 'terminated'],
  arrows: [
    'draft --submit_for_review--> legal_review',
    'draft --terminate--> terminated',
    'legal_review --legal_approve--> approved',
    'legal_review --legal_return--> draft',
    'legal_review --terminate--> terminated',
    'approved --sign--> signed',
    'approved --terminate--> terminated',
    'signed --activate--> active',
    'signed --terminate--> terminated',
    'signed --expire--> expired',
    'active --suspend--> suspended',
    'active --terminate--> terminated',
    'active --expire--> expired',
    'suspended --resume--> active',
    'suspended --terminate--> terminated',
    'suspended --expire--> expired',
  ],
  machine: { ...agreementMachine, move: moveAgreement },
});

describe('agreementMovesFrom', () => {
  it.each(AGREEMENT_STATUSES)('lists the moves the machine allows from %s', (status) => {
    expect(agreementMovesFrom(status)).toEqual(agreementMachine.movesFrom(status));
  });
});
