import { describe, expect, it } from '@jest/globals';
import { caught } from '../errors.test-helpers';
import { describeLifecycle } from '../state-machine.test-helpers';
import { agencyTaskMachine, campaignMachine, campaignRequestMachine } from './campaign.machines';

describeLifecycle({
  title: 'campaign',
  what: 'A campaign',
  code: 'campaign.status_transition_forbidden',
  statuses: ['planning', 'active', 'closed', 'cancelled'],
  final: ['closed', 'cancelled'],
  arrows: [
    'planning --activate--> active',
    'planning --cancel--> cancelled',
    'active --close--> closed',
    'active --cancel--> cancelled',
  ],
  machine: campaignMachine,
});

describeLifecycle({
  title: 'joint campaign request',
  what: 'A joint campaign request',
  code: 'campaign_request.status_transition_forbidden',
  statuses: ['submitted', 'accepted', 'declined', 'countered', 'withdrawn'],
  final: ['accepted', 'declined', 'withdrawn'],
  arrows: [
    'submitted --accept--> accepted',
    'submitted --decline--> declined',
    'submitted --counter--> countered',
    'submitted --withdraw--> withdrawn',
    'countered --accept_counter--> accepted',
    'countered --withdraw--> withdrawn',
  ],
  machine: campaignRequestMachine,
});

describeLifecycle({
  title: 'agency task',
  what: 'An agency task',
  code: 'agency_task.status_transition_forbidden',
  statuses: ['proposed', 'accepted', 'declined', 'in_progress', 'done', 'cancelled'],
  final: ['declined', 'done', 'cancelled'],
  arrows: [
    'proposed --accept--> accepted',
    'proposed --decline--> declined',
    'proposed --cancel--> cancelled',
    'accepted --start--> in_progress',
    'accepted --cancel--> cancelled',
    'in_progress --complete--> done',
    'in_progress --cancel--> cancelled',
  ],
  machine: agencyTaskMachine,
});

describe('forbidden-move messages, written out', () => {
  it.each<[string, () => unknown, string]>([
    [
      'campaign planning/close',
      () => campaignMachine.move('planning', 'close'),
      'A campaign that is planning cannot close; allowed now: activate, cancel',
    ],
    [
      'campaign active/activate',
      () => campaignMachine.move('active', 'activate'),
      'A campaign that is active cannot activate; allowed now: close, cancel',
    ],
    [
      'campaign closed/cancel',
      () => campaignMachine.move('closed', 'cancel'),
      'A campaign that is closed cannot cancel; allowed now: nothing (final)',
    ],
    [
      'request submitted/accept_counter',
      () => campaignRequestMachine.move('submitted', 'accept_counter'),
      'A joint campaign request that is submitted cannot accept counter; allowed now: accept, decline, counter, withdraw',
    ],
    [
      'request countered/accept',
      () => campaignRequestMachine.move('countered', 'accept'),
      'A joint campaign request that is countered cannot accept; allowed now: accept_counter, withdraw',
    ],
    [
      'request withdrawn/withdraw',
      () => campaignRequestMachine.move('withdrawn', 'withdraw'),
      'A joint campaign request that is withdrawn cannot withdraw; allowed now: nothing (final)',
    ],
  ])('%s', (_label, fn, message) => {
    expect(caught(fn).detail).toBe(message);
  });
});
