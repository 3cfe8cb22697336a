import { machine } from '../state-machine';

export const CAMPAIGN_STATUSES = ['planning', 'active', 'closed', 'cancelled'] as const;
export type CampaignStatusName = (typeof CAMPAIGN_STATUSES)[number];

/** planning → active → closed | cancelled */
export const campaignMachine = machine<CampaignStatusName, {
  activate: { from: readonly CampaignStatusName[]; to: CampaignStatusName };
  close: { from: readonly CampaignStatusName[]; to: CampaignStatusName };
  cancel: { from: readonly CampaignStatusName[]; to: CampaignStatusName };
}>('A campaign', {
  activate: { from: ['planning'], to: 'active' },
  close: { from: ['active'], to: 'closed' },
  cancel: { from: ['planning', 'active'], to: 'cancelled' },
}, 'campaign.status_transition_forbidden');

export const CAMPAIGN_REQUEST_STATUSES = ['submitted', 'accepted', 'declined', 'countered', 'withdrawn'] as const;
export type CampaignRequestStatusName = (typeof CAMPAIGN_REQUEST_STATUSES)[number];

type RequestRule = { from: readonly CampaignRequestStatusName[]; to: CampaignRequestStatusName };

/**
 * A joint campaign request: the receiving agency accepts, declines or
 * counter-proposes; the requester accepts a counter-proposal or withdraws.
 */
export const campaignRequestMachine = machine<CampaignRequestStatusName, {
  accept: RequestRule;
  decline: RequestRule;
  counter: RequestRule;
  accept_counter: RequestRule;
  withdraw: RequestRule;
}>('A joint campaign request', {
  accept: { from: ['submitted'], to: 'accepted' },
  decline: { from: ['submitted'], to: 'declined' },
  counter: { from: ['submitted'], to: 'countered' },
  accept_counter: { from: ['countered'], to: 'accepted' },
  withdraw: { from: ['submitted', 'countered'], to: 'withdrawn' },
}, 'campaign_request.status_transition_forbidden');

export type CampaignRequestMove = keyof typeof campaignRequestMachine.table;
export type CampaignMove = keyof typeof campaignMachine.table;
