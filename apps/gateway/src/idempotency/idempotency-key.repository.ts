import type { DataSource } from 'typeorm';
import { updateReturning } from '@concord/database';

/** A key as stored, as the interceptor needs it to decide: replay, refuse, wait or take over. */
export interface StoredKey {
  fingerprint: string;
  state: 'in_progress' | 'completed';
  /** Whether a live request still holds the lease. */
  locked: boolean;
  /** Seconds left on the lease (negative once it ran out). */
  remainingS: number;
  responseStatus: number | null;
  responseBody: unknown;
}

/**
 * The gateway's Idempotency-Keys (`idempotency_keys`, entity IdempotencyRecord): each statement the interceptor
 * needs, one round trip each. A key is `<agency>:<user>:<key>` (its scope); a request holds it on a lease (`owner`,
 * `locked_until`) until it stores the response.
 */
export class IdempotencyKeyRepository {
  constructor(private readonly db: DataSource) {}

  /** Claims a new key for `owner`; false when the key exists already. */
  async claim(scope: string, fingerprint: string, owner: string, leaseMs: number): Promise<boolean> {
    const inserted = await this.db.query<{ scope: string }[]>(
      `INSERT INTO idempotency_keys (scope, fingerprint, state, locked_until, owner)
       VALUES ($1, $2, 'in_progress', now() + make_interval(secs => $3), $4)
       ON CONFLICT (scope) DO NOTHING RETURNING scope`,
      [scope, fingerprint, leaseMs / 1000, owner],
    );
    return inserted.length > 0;
  }

  async find(scope: string): Promise<StoredKey | null> {
    const [row] = await this.db.query<
      {
        fingerprint: string;
        state: StoredKey['state'];
        locked: boolean;
        remaining_s: string;
        response_status: number | null;
        response_body: unknown;
      }[]
    >(
      `SELECT fingerprint, state, locked_until > now() AS locked, extract(epoch FROM locked_until - now()) AS remaining_s, response_status, response_body
         FROM idempotency_keys WHERE scope = $1`,
      [scope],
    );
    if (!row) return null;
    return {
      fingerprint: row.fingerprint,
      state: row.state,
      locked: row.locked,
      remainingS: Number(row.remaining_s),
      responseStatus: row.response_status,
      responseBody: row.response_body,
    };
  }

  /** Takes over a key whose lease ran out (its request died unanswered); false when someone else holds it. */
  async takeOver(scope: string, owner: string, leaseMs: number): Promise<boolean> {
    const taken = await updateReturning<{ scope: string }>(
      this.db,
      `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $2), owner = $3
        WHERE scope = $1 AND state = 'in_progress' AND locked_until <= now() RETURNING scope`,
      [scope, leaseMs / 1000, owner],
    );
    return taken.length > 0;
  }

  /** Extends the lease of a request that is still running. */
  async renew(scope: string, owner: string, leaseMs: number): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $3) WHERE scope = $1 AND owner = $2 AND state = 'in_progress'`,
      [scope, owner, leaseMs / 1000],
    );
  }

  /** Stores the answer: later requests with the key replay it. */
  async complete(scope: string, status: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $2, response_body = $3::jsonb, owner = NULL WHERE scope = $1`,
      [scope, status, JSON.stringify(body)],
    );
  }

  /** Frees the key (the request failed with a 5xx): a retry with it runs again. */
  async release(scope: string, owner: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE scope = $1 AND owner = $2', [scope, owner]);
  }
}
