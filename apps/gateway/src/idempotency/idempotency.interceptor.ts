import { createHash, randomUUID } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { canonicalJson, DomainError, type Problem } from '@concord/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { toHttpProblem } from '../http/problem.filter';
import { IdempotencyKeyRepository } from './idempotency-key.repository';

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
  constructor(@Inject(IdempotencyKeyRepository) private readonly keys: IdempotencyKeyRepository) {}

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
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
    const status = declared ?? (request.method === 'POST' ? 201 : 200);
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
      this.keys.renew(scope, owner, LEASE_MS).catch(() => undefined);
    }, RENEW_MS);
    try {
      const result: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      clearInterval(renewal);
      // The command was applied: answer it even if storing the answer fails (a retry is then answered by the service).
      await this.keys.complete(scope, status, result ?? null).catch(() => undefined);
      return result;
    } catch (error) {
      clearInterval(renewal);
      const problem = toHttpProblem(error);
      // Best effort: a database that fails here must not hide the answer; the lease frees the key anyway.
      if (problem.status < 500) await this.keys.complete(scope, problem.status, problem).catch(() => undefined);
      else await this.keys.release(scope, owner).catch(() => undefined);
      throw error;
    }
  }

  /** true: this request owns the key; otherwise the stored record to answer from. */
  private async claim(
    scope: string,
    fingerprint: string,
    owner: string,
  ): Promise<true | { status: number; body: unknown }> {
    if (await this.keys.claim(scope, fingerprint, owner, LEASE_MS)) return true;
    const stored = await this.keys.find(scope);
    if (!stored) return this.claim(scope, fingerprint, owner);
    if (stored.fingerprint !== fingerprint) {
      throw new DomainError('idempotency.key_reused', 'This Idempotency-Key was already used with a different request');
    }
    if (stored.state === 'completed') return { status: stored.responseStatus ?? 200, body: stored.responseBody };
    if (stored.locked) throw inProgress(stored.remainingS);
    // The first attempt died without an answer (its lease ran out): take the key over and try again.
    if (await this.keys.takeOver(scope, owner, LEASE_MS)) return true;
    throw inProgress(LEASE_MS / 1000);
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
