import { CampaignRequestInput, CounterProposalInput, findAgency, toFieldErrors } from '@concord/domain';
import type { Schemas } from '../../api/client';
import type { FieldProblem } from '../../api/problem';
import { localToIso } from '../../lib/local-time';
import { lines } from './form-helpers';

/**
 * The joint campaign request form (a partner agency asks the lead agency) and
 * the counter-proposal form (the lead agency answers with other terms): the
 * state as typed, the request each sends, and the checks run before sending —
 * the domain's own zod contracts, so errors have the API's paths and codes.
 */

export type CampaignRequestBody = Schemas['CampaignRequest'];
export type CounterProposalBody = Schemas['CounterProposal'];
export type CampaignRequestView = Schemas['CampaignRequestView'];

/** The lead agency, to which joint campaigns are addressed. */
export const LEAD_AGENCY_ID = 'mcst-ttcs';

export interface RequestDraft {
  title: string;
  objective: string;
  /** One key message per line. */
  keyMessages: string;
  /** `YYYY-MM-DD` from date inputs. */
  periodStart: string;
  periodEnd: string;
  expectedDeliverables: string;
  /** A `datetime-local` value. */
  responseDeadline: string;
  toAgencyId: string;
}

export function emptyRequestDraft(): RequestDraft {
  return {
    title: '',
    objective: '',
    keyMessages: '',
    periodStart: '',
    periodEnd: '',
    expectedDeliverables: '',
    responseDeadline: '',
    toAgencyId: LEAD_AGENCY_ID,
  };
}

/** Where in the request each field of the form goes (and so where the API names its errors). */
export const REQUEST_FIELD_PATHS: Record<keyof RequestDraft, string> = {
  title: 'title',
  objective: 'objective',
  keyMessages: 'keyMessages',
  periodStart: 'proposedPeriod.start',
  periodEnd: 'proposedPeriod.end',
  expectedDeliverables: 'expectedDeliverables',
  responseDeadline: 'responseDeadline',
  toAgencyId: 'toAgencyId',
};

/** Every path the request form shows errors at (a key message's error shows on the list). */
export const REQUEST_FORM_PATHS: readonly string[] = [...Object.values(REQUEST_FIELD_PATHS), 'proposedPeriod'];

export function buildRequest(draft: RequestDraft): CampaignRequestBody {
  return {
    title: draft.title.trim(),
    objective: draft.objective.trim(),
    keyMessages: lines(draft.keyMessages),
    proposedPeriod: { start: draft.periodStart, end: draft.periodEnd },
    expectedDeliverables: draft.expectedDeliverables.trim(),
    responseDeadline: localToIso(draft.responseDeadline) ?? '',
    toAgencyId: draft.toAgencyId,
  };
}

/** What the API would refuse, found before sending. */
export function validateRequest(body: CampaignRequestBody): FieldProblem[] {
  const parsed = CampaignRequestInput.safeParse(body);
  const errors: FieldProblem[] = parsed.success ? [] : toFieldErrors(parsed.error);
  if (body.toAgencyId && findAgency(body.toAgencyId)?.kind !== 'lead' && !errors.some((e) => e.path === 'toAgencyId')) {
    errors.push({ path: 'toAgencyId', code: 'not_lead_agency', message: 'Address the lead agency' });
  }
  // A period that ends before it starts: the contract names it at proposedPeriod.end (before_start).
  return errors;
}

export interface CounterDraft {
  periodStart: string;
  periodEnd: string;
  /** One per line; left as it was, the request's own key messages stand. */
  keyMessages: string;
  message: string;
}

/** The counter-proposal starts from the request's terms, for the lead agency to change. */
export function counterDraftFrom(request: CampaignRequestView): CounterDraft {
  return {
    periodStart: request.proposedPeriod.start,
    periodEnd: request.proposedPeriod.end,
    keyMessages: request.keyMessages.join('\n'),
    message: '',
  };
}

export const COUNTER_FIELD_PATHS: Record<keyof CounterDraft, string> = {
  periodStart: 'proposedPeriod.start',
  periodEnd: 'proposedPeriod.end',
  keyMessages: 'keyMessages',
  message: 'message',
};
export const COUNTER_FORM_PATHS: readonly string[] = [...Object.values(COUNTER_FIELD_PATHS), 'proposedPeriod'];

/** Key messages are sent only when they differ from the request's. */
export function buildCounter(draft: CounterDraft, request: CampaignRequestView): CounterProposalBody {
  const keyMessages = lines(draft.keyMessages);
  const changed =
    keyMessages.length !== request.keyMessages.length || keyMessages.some((m, i) => m !== request.keyMessages[i]);
  return {
    proposedPeriod: { start: draft.periodStart, end: draft.periodEnd },
    ...(changed ? { keyMessages } : {}),
    message: draft.message.trim(),
  };
}

export function validateCounter(body: CounterProposalBody): FieldProblem[] {
  const parsed = CounterProposalInput.safeParse(body);
  const errors: FieldProblem[] = parsed.success ? [] : toFieldErrors(parsed.error);
  // A period that ends before it starts: the contract names it at proposedPeriod.end (before_start).
  return errors;
}

/** What a user may do with a request, by its status, their agency's side and their permissions. */
export type RequestAction = 'accept' | 'counter' | 'decline' | 'accept_counter' | 'withdraw';

export function requestActions(
  request: Pick<CampaignRequestView, 'status' | 'fromAgencyId' | 'toAgencyId'>,
  user: { agencyId: string | undefined; canAnswer: boolean; canFollowUp: boolean },
): RequestAction[] {
  const receiving = user.agencyId !== undefined && user.agencyId === request.toAgencyId && user.canAnswer;
  const requesting = user.agencyId !== undefined && user.agencyId === request.fromAgencyId && user.canFollowUp;
  const actions: RequestAction[] = [];
  if (receiving && request.status === 'submitted') actions.push('accept', 'counter', 'decline');
  if (requesting && request.status === 'countered') actions.push('accept_counter');
  if (requesting && (request.status === 'submitted' || request.status === 'countered')) actions.push('withdraw');
  return actions;
}

/** The id of the input showing errors at `path` in the form named `form`. */
export function inputIdOf(form: string, path: string): string {
  return `${form}-${path.replace(/\./g, '-')}`;
}
