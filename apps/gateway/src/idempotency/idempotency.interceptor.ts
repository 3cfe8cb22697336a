import { createHash, randomUUID } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { canonicalJson, DomainError, type Problem } from '@concord/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { toHttpProblem } from '../http/problem.filter';

/**
 * A request holds its key on a short lease that it renews while it runs: a
 * key whose request died with its gateway is free again at most LEASE_MS
 * later (whether or not a gateway restarted), while a slow request that is
 * still alive keeps it.
 */
export const LEASE_MS = 5_000;
const RENEW_MS = 1_500;
/** This process: the owner of the keys its requests hold. */
const INSTANCE = randomUUID();
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on writes (IETF httpapi draft): the same key and body
 * replays the first response; the same key with another body is 422; the
 * same key while the first request still runs is 409 with `Retry-After`.
 * The key is scoped to the caller (agency and user) and also travels to the
 * service, which applies the command once per user and key even if this
 * gateway dies before storing the response. A 5xx stores nothing: the key
 * is released so that a retry with it runs again (and the service answers
 * it from what it recorded, if the first attempt was applied after all).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & AuthenticatedRequest & { idempotencyKey?: string }>();
    const key = request.headers['idempotency-key'];
    if (!['POST', 'PATCH'].includes(request.method) || key === undefined || !request.actor) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new DomainError('validation.failed', 'Idempotency-Key must be 1–200 visible ASCII characters', [
        { path: 'header.idempotency-key', code: 'invalid', message: 'Use a unique string such as a UUID' },
      ]);
    }
    request.idempotencyKey = key;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status: number =
      Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
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

    const owner = `${INSTANCE}:${randomUUID()}`;
    const claimed = await this.claim(scope, fingerprint, owner);
    if (claimed !== true) return this.replay(claimed, reply);

    const renewal = setInterval(() => {
      this.db
        .query(
          `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $3) WHERE scope = $1 AND owner = $2 AND state = 'in_progress'`,
          [scope, owner, LEASE_MS / 1000],
        )
        .catch(() => undefined);
    }, RENEW_MS);
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      clearInterval(renewal);
      // The command was applied: answer it even if storing the answer fails (a retry is then answered by the service).
      await this.complete(scope, status, result ?? null).catch(() => undefined);
      return result;
    } catch (error) {
      clearInterval(renewal);
      const problem = toHttpProblem(error);
      // Best effort: a database that fails here must not hide the answer; the lease frees the key anyway.
      if (problem.status < 500) await this.complete(scope, problem.status, problem).catch(() => undefined);
      else
        await this.db
          .query('DELETE FROM idempotency_keys WHERE scope = $1 AND owner = $2', [scope, owner])
          .catch(() => undefined);
      throw error;
    }
  }

  /** true: this request owns the key; otherwise the stored record to answer from. */
  private async claim(
    scope: string,
    fingerprint: string,
    owner: string,
  ): Promise<true | { status: number; body: unknown }> {
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (scope, fingerprint, state, locked_until, owner)
       VALUES ($1, $2, 'in_progress', now() + make_interval(secs => $3), $4)
       ON CONFLICT (scope) DO NOTHING RETURNING scope`,
      [scope, fingerprint, LEASE_MS / 1000, owner],
    );
    if (inserted.length) return true;
    const [row] = await this.db.query(
      `SELECT fingerprint, state, locked_until > now() AS locked, extract(epoch FROM locked_until - now()) AS remaining_s, response_status, response_body
         FROM idempotency_keys WHERE scope = $1`,
      [scope],
    );
    if (!row) return this.claim(scope, fingerprint, owner);
    if (row.fingerprint !== fingerprint) {
      throw new DomainError('idempotency.key_reused', 'This Idempotency-Key was already used with a different request');
    }
    if (row.state === 'completed') return { status: row.response_status, body: row.response_body };
    if (row.locked) throw inProgress(Number(row.remaining_s));
    // The first attempt died without an answer (its lease ran out): take the key over and try again.
    const taken = await this.db.query(
      `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $2), owner = $3
        WHERE scope = $1 AND state = 'in_progress' AND locked_until <= now() RETURNING scope`,
      [scope, LEASE_MS / 1000, owner],
    );
    if (taken.length) return true;
    throw inProgress(LEASE_MS / 1000);
  }

  private async complete(scope: string, status: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $2, response_body = $3::jsonb, owner = NULL WHERE scope = $1`,
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

function inProgress(remainingS: number): DomainError {
  const retryAfter = Math.max(1, Math.ceil(remainingS));
  return new DomainError(
    'idempotency.in_progress',
    `A request with this Idempotency-Key is still being processed; retry with the same key after ${retryAfter} s`,
    [],
    { retryAfter },
  );
}
