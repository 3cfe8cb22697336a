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

export interface FieldError {
  /** Dotted path into the request, e.g. `channels.0.handle`. */
  path: string;
  code: string;
  message: string;
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
