import { createHash } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { canonicalJson, DomainError, type Problem } from '@concord/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { toHttpProblem } from '../http/problem.filter';

/** How long a request holds its key before a retry may take over (a crashed gateway). */
const LOCK_MS = 30_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on writes (IETF httpapi draft): the same key and body
 * replays the first response; the same key with another body is 422; the
 * same key while the first request still runs is 409. The key also travels
 * to the service, which applies the command once even if this gateway dies
 * before storing the response.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest & { idempotencyKey?: string }>();
    const key = request.headers['idempotency-key'];
    if (!['POST', 'PATCH'].includes(request.method) || key === undefined || !request.actor) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new DomainError('validation.failed', 'Idempotency-Key must be 1–200 visible ASCII characters', [
        { path: 'header.idempotency-key', code: 'invalid', message: 'Use a unique string such as a UUID' },
      ]);
    }
    request.idempotencyKey = key;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    return from(this.run(request, reply, key, status, next));
  }

  private async run(
    request: FastifyRequest & AuthenticatedRequest,
    reply: FastifyReply,
    key: string,
    status: number,
    next: CallHandler,
  ): Promise<unknown> {
    const scope = `${request.actor!.orgId}:${request.actor!.userId}:${key}`;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');

    const claimed = await this.claim(scope, fingerprint);
    if (claimed !== true) return this.replay(claimed, reply);

    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.complete(scope, status, result ?? null);
      return result;
    } catch (error) {
      const problem = toHttpProblem(error);
      if (problem.status < 500) await this.complete(scope, problem.status, problem);
      else await this.db.query('DELETE FROM idempotency_keys WHERE scope = $1', [scope]);
      throw error;
    }
  }

  /** true: this request owns the key; otherwise the stored record to answer from. */
  private async claim(scope: string, fingerprint: string): Promise<true | { status: number; body: unknown }> {
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (scope, fingerprint, state, locked_until)
       VALUES ($1, $2, 'in_progress', now() + make_interval(secs => $3))
       ON CONFLICT (scope) DO NOTHING RETURNING scope`,
      [scope, fingerprint, LOCK_MS / 1000],
    );
    if (inserted.length) return true;
    const [row] = await this.db.query(
      'SELECT fingerprint, state, locked_until > now() AS locked, response_status, response_body FROM idempotency_keys WHERE scope = $1',
      [scope],
    );
    if (!row) return this.claim(scope, fingerprint);
    if (row.fingerprint !== fingerprint) {
      throw new DomainError('idempotency.key_reused', 'This Idempotency-Key was already used with a different request');
    }
    if (row.state === 'completed') return { status: row.response_status, body: row.response_body };
    if (row.locked) throw new DomainError('idempotency.in_progress', 'A request with this Idempotency-Key is still being processed; retry later');
    // The first attempt died without an answer: take the key over and try again.
    const taken = await this.db.query(
      `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $2)
        WHERE scope = $1 AND state = 'in_progress' AND locked_until <= now() RETURNING scope`,
      [scope, LOCK_MS / 1000],
    );
    if (taken.length) return true;
    throw new DomainError('idempotency.in_progress', 'A request with this Idempotency-Key is still being processed; retry later');
  }

  private async complete(scope: string, status: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $2, response_body = $3::jsonb WHERE scope = $1`,
      [scope, status, JSON.stringify(body)],
    );
  }

  private replay(stored: { status: number; body: unknown }, reply: FastifyReply): unknown {
    void reply.header('idempotent-replayed', 'true');
    if (stored.status >= 400) throw DomainError.fromProblem(stored.body as Problem);
    void reply.status(stored.status);
    return stored.body;
  }
}
