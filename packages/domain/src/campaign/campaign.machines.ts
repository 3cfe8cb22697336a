import { defineMachine } from '../state-machine';
import { DomainError } from '../errors';

export const CAMPAIGN_STATUSES = ['planning', 'active', 'closed', 'cancelled'] as const;
export type CampaignStatusName = (typeof CAMPAIGN_STATUSES)[number];

/** planning → active → closed | cancelled */
export const campaignMachine = defineMachine('A campaign', 'campaign.status_transition_forbidden', CAMPAIGN_STATUSES, {
  planning: { activate: 'active', cancel: 'cancelled' },
  active: { close: 'closed', cancel: 'cancelled' },
});
export type CampaignMove = keyof typeof campaignMachine.table;

export const CAMPAIGN_REQUEST_STATUSES = ['submitted', 'accepted', 'declined', 'countered', 'withdrawn'] as const;
export type CampaignRequestStatusName = (typeof CAMPAIGN_REQUEST_STATUSES)[number];

/**
 * A joint campaign request: the receiving agency accepts, declines or
 * counter-proposes; the requester accepts a counter-proposal or withdraws.
 */
export const campaignRequestMachine = defineMachine(
  'A joint campaign request',
  'campaign_request.status_transition_forbidden',
  CAMPAIGN_REQUEST_STATUSES,
  {
    submitted: { accept: 'accepted', decline: 'declined', counter: 'countered', withdraw: 'withdrawn' },
    countered: { accept_counter: 'accepted', withdraw: 'withdrawn' },
  },
);
export type CampaignRequestMove = keyof typeof campaignRequestMachine.table;

export const AGENCY_TASK_STATUSES = ['proposed', 'accepted', 'declined', 'in_progress', 'done', 'cancelled'] as const;
export type AgencyTaskStatusName = (typeof AGENCY_TASK_STATUSES)[number];

/** One agency asks another for a piece of work: proposed → accepted | declined → in_progress → done | cancelled. */
export const agencyTaskMachine = defineMachine(
  'An agency task',
  'agency_task.status_transition_forbidden',
  AGENCY_TASK_STATUSES,
  {
    proposed: { accept: 'accepted', decline: 'declined', cancel: 'cancelled' },
    accepted: { start: 'in_progress', cancel: 'cancelled' },
    in_progress: { complete: 'done', cancel: 'cancelled' },
  },
);

export type AgencyTaskMove = keyof typeof agencyTaskMachine.table;

/** Work asked for with a due time already past is late before it starts: refused (422) at `path`. */
export function refusePastDue(dueAt: string, now: Date, path: string): void {
  if (Date.parse(dueAt) < now.getTime()) {
    throw new DomainError('due_date.past', `${path} ${dueAt} has already passed`, [
      { path, code: 'past', message: `Choose a time after ${now.toISOString()}` },
    ]);
  }
}

/** Overdue: past its due time and still open. */
export function isTaskOverdue(status: AgencyTaskStatusName, dueAt: Date, now: Date): boolean {
  return ['proposed', 'accepted', 'in_progress'].includes(status) && dueAt.getTime() < now.getTime();
}
