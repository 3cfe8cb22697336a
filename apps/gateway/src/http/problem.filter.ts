import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type ErrorCode, type Problem } from '@concord/domain';
import { isDatabaseUnavailable } from '@concord/database';

/** Every error code's HTTP status. A code without one does not compile. */
export const STATUS_OF: Record<ErrorCode, number> = {
  'validation.failed': 400,
  rate_limited: 429,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  // Only if a service refused the gateway's (or another service's) proof: Concord's keys are misconfigured; the caller can do nothing about it.
  'actor.unproven': 500,
  not_found: 404,
  'version.mismatch': 412,
  'version.required': 428,
  'idempotency.key_reused': 422,
  'idempotency.in_progress': 409,
  'service.unavailable': 503,
  'service.outcome_unknown': 503,
  internal: 500,
  'creator.channel_taken': 409,
  'creator.status_transition_forbidden': 409,
  'creator.consent_required': 400,
  'creator.reason_required': 400,
  'creator.vetting_required': 409,
  'agreement.status_transition_forbidden': 409,
  'agreement.not_editable': 409,
  'agreement.counterparty_not_eligible': 422,
  'agreement.already_signed': 409,
  'agreement.milestones_over_budget': 422,
  'agreement.milestone_paid': 409,
  'agreement.amendment_pending': 409,
  'document.too_large': 413,
  'document.unsupported_type': 415,
  'campaign.status_transition_forbidden': 409,
  'campaign_request.status_transition_forbidden': 409,
  'agency_task.status_transition_forbidden': 409,
  'campaign.not_active': 409,
  'campaign.not_funded': 422,
  'agency.unknown': 422,
  'brief.past_due': 409,
  'due_date.past': 422,
  'assignment.status_transition_forbidden': 409,
  'fan_out.status_transition_forbidden': 409,
  'submission.status_transition_forbidden': 409,
  'submission.already_decided': 409,
  'submission.stage_changed': 409,
  'submission.checks_failing': 409,
  'submission.assignment_not_accepted': 409,
  'publication.channel_mismatch': 422,
  'workflow.not_allowed': 422,
  'metrics.counter_decreased': 409,
};

/** Turns anything thrown into RFC 9457 problem+json; no stack traces or SQL leave the gateway. */
export function toHttpProblem(exception: unknown, logger?: Logger): Problem & { status: number } {
  if (exception instanceof DomainError) {
    return { ...exception.toProblem(), status: STATUS_OF[exception.code] };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status < 500) return frameworkProblem(status, status === 404 ? 'No such resource' : exception.message);
    logger?.error(exception.stack);
    return {
      ...new DomainError('internal', 'Something went wrong on our side; the request may be retried').toProblem(),
      status: 500,
    };
  }
  const carried = (exception as { problem?: Problem })?.problem;
  if (carried && DomainError.isProblem(carried)) return { ...carried, status: STATUS_OF[carried.code] };
  if (isDatabaseUnavailable(exception)) {
    logger?.warn(`database unavailable: ${(exception as Error).message}`);
    return {
      ...new DomainError(
        'service.unavailable',
        'The gateway cannot reach its database just now; nothing was done. Retry later',
      ).toProblem(),
      status: 503,
    };
  }
  const status = (exception as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own errors: malformed JSON, body too large, unsupported media type.
    return frameworkProblem(status, (exception as Error).message);
  }
  logger?.error(exception instanceof Error ? exception.stack : String(exception));
  return {
    ...new DomainError('internal', 'Something went wrong on our side; the request may be retried').toProblem(),
    status: 500,
  };
}

/** The framework's own 4xx (Nest or Fastify) with its status kept and a stable code; a refused request names what was wrong with it. */
function frameworkProblem(status: number, detail: string): Problem & { status: number } {
  const code: ErrorCode | undefined = (
    { 401: 'auth.unauthenticated', 403: 'auth.forbidden', 404: 'not_found', 429: 'rate_limited' } as const
  )[status];
  if (code) return { ...new DomainError(code, detail).toProblem(), status };
  const what = status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'unreadable';
  return {
    ...new DomainError('validation.failed', detail, [{ path: '(body)', code: what, message: detail }]).toProblem(),
    status,
  };
}

/** Seconds a client waits before retrying a 503 when nothing more precise is known. */
export const RETRY_AFTER_UNAVAILABLE_S = 2;

/**
 * `Retry-After` (seconds) for an answer that says "not now": every 503 and
 * every 409 `idempotency.in_progress` carries one (a problem may say how
 * long with `retryAfter`).
 */
export function retryAfterOf(problem: Problem & { status: number }): number | null {
  const given = typeof problem.retryAfter === 'number' ? Math.max(1, Math.ceil(problem.retryAfter)) : null;
  if (problem.code === 'idempotency.in_progress') return given ?? 1;
  if (problem.status === 503) return given ?? RETRY_AFTER_UNAVAILABLE_S;
  return null;
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<{ method?: string; id?: string }>();
    let problem = toHttpProblem(exception, this.logger);
    if (problem.code === 'service.outcome_unknown' && (request.method === 'GET' || request.method === 'HEAD')) {
      // A read changes nothing: its outcome is never in doubt.
      problem = {
        ...problem,
        code: 'service.unavailable',
        type: new DomainError('service.unavailable', '').toProblem().type,
        title: 'Unavailable',
        detail: problem.detail.replace(/;.*$/, '; retry later'),
      };
    }
    if (problem.code === 'auth.unauthenticated') reply.header('www-authenticate', 'Bearer');
    const retryAfter = retryAfterOf(problem);
    if (retryAfter !== null) reply.header('retry-after', String(retryAfter));
    // The request id (also in the X-Request-Id header), for a caller to quote to support (ADR 0025).
    const body = request.id ? { ...problem, requestId: request.id } : problem;
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
  }
}
