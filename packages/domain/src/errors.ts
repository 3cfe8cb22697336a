/**
 * Stable error codes. Services throw `DomainError`s with one of these codes;
 * the gateway maps every code to an HTTP status (a code without a mapping
 * fails to compile there).
 */
export const ERROR_CODES = [
  'validation.failed',
  'rate_limited',
  'auth.unauthenticated',
  'auth.forbidden',
  /** A request between Concord's processes whose actor is not proven (no, a forged or an expired proof): refused, nothing done (ADR 0014). */
  'actor.unproven',
  'not_found',
  'version.mismatch',
  'version.required',
  'idempotency.key_reused',
  'idempotency.in_progress',
  'service.unavailable',
  /** A service did not answer after the request was sent: it may have been applied (retry with the same Idempotency-Key). */
  'service.outcome_unknown',
  'internal',
  'creator.channel_taken',
  'creator.status_transition_forbidden',
  'creator.consent_required',
  'creator.reason_required',
  'creator.vetting_required',
  'agreement.status_transition_forbidden',
  'agreement.not_editable',
  'agreement.counterparty_not_eligible',
  'agreement.already_signed',
  'agreement.milestones_over_budget',
  'agreement.milestone_paid',
  'agreement.amendment_pending',
  'document.too_large',
  'document.unsupported_type',
  'campaign.status_transition_forbidden',
  'campaign_request.status_transition_forbidden',
  'agency_task.status_transition_forbidden',
  'campaign.not_active',
  'campaign.not_funded',
  'agency.unknown',
  'brief.past_due',
  'due_date.past',
  'assignment.status_transition_forbidden',
  'fan_out.status_transition_forbidden',
  'submission.status_transition_forbidden',
  'submission.already_decided',
  'submission.stage_changed',
  'submission.checks_failing',
  'submission.assignment_not_accepted',
  'publication.channel_mismatch',
  'workflow.not_allowed',
  'metrics.counter_decreased',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes zod gives an issue, as validation reports them (`validation.ts`). */
export const SCHEMA_FIELD_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const;

/**
 * The codes Concord's own rules give a field: a client (the portal's forms,
 * a ministry's system) may rely on them as on the error codes above. A rule
 * naming a code not listed here fails to compile.
 */
export const RULE_FIELD_CODES = [
  'required',
  'empty',
  'invalid',
  'one_of',
  'too_long',
  'too_large',
  'unsupported_type',
  'unsupported_media_type',
  'unreadable',
  'not_http',
  'headers_too_large',
  'timeout',
  'not_a_file',
  'duplicate',
  'duplicate_key',
  'taken',
  'channel_taken',
  'other_channel',
  'ambiguous_handle',
  'not_a_url',
  'no_channel_on_platform',
  'wrong_platform',
  'unsafe_text',
  'before_start',
  'in_future',
  'past',
  'below_previous',
  'above_next',
  'nothing_changes',
  'reason_required',
  'legal_required',
  'vetting_required',
  'partner_consent_required',
  'only_for_vetted',
  'over_budget',
  'over_agreements',
  'agreement_not_in_force',
  'unknown_agreement',
  'unknown_agency',
  'unknown_creator',
  'unknown_user',
  'unknown_comment',
  'unknown_version',
  'agency_not_on_campaign',
  'own_agency',
  'not_lead_agency',
  'not_a_creator',
  'not_a_management_company',
  'not_in_brief',
  'not_found',
  'invalid_cursor',
  'choose_target',
  'check_passes',
  'creator_comment',
  'reply_stays_internal',
  'worded',
] as const;

export const FIELD_CODES = [...SCHEMA_FIELD_CODES, ...RULE_FIELD_CODES] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

export interface FieldError {
  /** Dotted path into the request, e.g. `channels.0.handle`. */
  path: string;
  code: FieldCode;
  message: string;
}

/** What is wrong with one field of a request: its path, a listed code and a sentence for a person. */
export function fieldError(path: string, code: FieldCode, message: string): FieldError {
  return { path, code, message };
}

/** RFC 9457 problem details, as every service replies and the gateway answers. */
export interface Problem {
  type: string;
  title: string;
  status?: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  toProblem(): Problem {
    return {
      type: `https://concord.gov.vn/problems/${this.code.replace(/\./g, '/')}`,
      title: titleOf(this.code),
      code: this.code,
      detail: this.detail,
      ...(this.errors.length ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }

  static isProblem(value: unknown): value is Problem {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Problem).code === 'string' &&
      (ERROR_CODES as readonly string[]).includes((value as Problem).code) &&
      typeof (value as Problem).detail === 'string'
    );
  }

  static fromProblem(problem: Problem): DomainError {
    const { type: _t, title: _ti, status: _s, code, detail, errors, ...rest } = problem;
    return new DomainError(code, detail, errors ?? [], rest);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what} ${id} was not found`, [], { resource: what, id });
  }
}

function titleOf(code: ErrorCode): string {
  const last = code.split('.').pop() ?? code;
  const words = last.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
