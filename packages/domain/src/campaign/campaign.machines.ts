import { machine } from '../state-machine';
import { DomainError } from '../errors';

export const CAMPAIGN_STATUSES = ['planning', 'active', 'closed', 'cancelled'] as const;
export type CampaignStatusName = (typeof CAMPAIGN_STATUSES)[number];

/** planning → active → closed | cancelled */
export const campaignMachine = machine<
  CampaignStatusName,
  {
    activate: { from: readonly CampaignStatusName[]; to: CampaignStatusName };
    close: { from: readonly CampaignStatusName[]; to: CampaignStatusName };
    cancel: { from: readonly CampaignStatusName[]; to: CampaignStatusName };
  }
>(
  'A campaign',
  {
    activate: { from: ['planning'], to: 'active' },
    close: { from: ['active'], to: 'closed' },
    cancel: { from: ['planning', 'active'], to: 'cancelled' },
  },
  'campaign.status_transition_forbidden',
);

export const CAMPAIGN_REQUEST_STATUSES = ['submitted', 'accepted', 'declined', 'countered', 'withdrawn'] as const;
export type CampaignRequestStatusName = (typeof CAMPAIGN_REQUEST_STATUSES)[number];

type RequestRule = { from: readonly CampaignRequestStatusName[]; to: CampaignRequestStatusName };

/**
 * A joint campaign request: the receiving agency accepts, declines or
 * counter-proposes; the requester accepts a counter-proposal or withdraws.
 */
export const campaignRequestMachine = machine<
  CampaignRequestStatusName,
  {
    accept: RequestRule;
    decline: RequestRule;
    counter: RequestRule;
    accept_counter: RequestRule;
    withdraw: RequestRule;
  }
>(
  'A joint campaign request',
  {
    accept: { from: ['submitted'], to: 'accepted' },
    decline: { from: ['submitted'], to: 'declined' },
    counter: { from: ['submitted'], to: 'countered' },
    accept_counter: { from: ['countered'], to: 'accepted' },
    withdraw: { from: ['submitted', 'countered'], to: 'withdrawn' },
  },
  'campaign_request.status_transition_forbidden',
);

export type CampaignRequestMove = keyof typeof campaignRequestMachine.table;
export type CampaignMove = keyof typeof campaignMachine.table;

export const AGENCY_TASK_STATUSES = ['proposed', 'accepted', 'declined', 'in_progress', 'done', 'cancelled'] as const;
export type AgencyTaskStatusName = (typeof AGENCY_TASK_STATUSES)[number];

type TaskRule = { from: readonly AgencyTaskStatusName[]; to: AgencyTaskStatusName };

/** One agency asks another for a piece of work: proposed → accepted | declined → in_progress → done | cancelled. */
export const agencyTaskMachine = machine<
  AgencyTaskStatusName,
  {
    accept: TaskRule;
    decline: TaskRule;
    start: TaskRule;
    complete: TaskRule;
    cancel: TaskRule;
  }
>(
  'An agency task',
  {
    accept: { from: ['proposed'], to: 'accepted' },
    decline: { from: ['proposed'], to: 'declined' },
    start: { from: ['accepted'], to: 'in_progress' },
    complete: { from: ['in_progress'], to: 'done' },
    cancel: { from: ['proposed', 'accepted', 'in_progress'], to: 'cancelled' },
  },
  'agency_task.status_transition_forbidden',
);

export type AgencyTaskMove = keyof typeof agencyTaskMachine.table;

/** Overdue: past its due time and still open. */
/** Work asked for with a due time already past is late before it starts: refused (422) at `path`. */
export function refusePastDue(dueAt: string, now: Date, path: string): void {
  if (Date.parse(dueAt) < now.getTime()) {
    throw new DomainError('due_date.past', `${path} ${dueAt} has already passed`, [
      { path, code: 'past', message: `Choose a time after ${now.toISOString()}` },
    ]);
  }
}

export function isTaskOverdue(status: AgencyTaskStatusName, dueAt: Date, now: Date): boolean {
  return ['proposed', 'accepted', 'in_progress'].includes(status) && dueAt.getTime() < now.getTime();
}
