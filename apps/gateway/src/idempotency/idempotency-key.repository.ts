import type { DataSource } from 'typeorm';
import { InFlightBatcher, updateReturning } from '@concord/database';

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

interface ClaimAsked {
  scope: string;
  fingerprint: string;
  owner: string;
  leaseMs: number;
}

interface CompletionAsked {
  scope: string;
  status: number;
  /** The answer as JSON text. */
  body: string;
}

/**
 * The gateway's Idempotency-Keys (`idempotency_keys`, entity IdempotencyRecord): each statement the interceptor
 * needs; claims and completions in batches. A key is `<agency>:<user>:<key>` (its scope); a request holds it on a lease (`owner`,
 * `locked_until`) until it stores the response.
 */
export class IdempotencyKeyRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Claims and completions are the two statements of every keyed write: each
   * batches what arrives while its last statement is in flight (one INSERT
   * or UPDATE over arrays), so under load their round trips do not grow with
   * the rate.
   */
  private readonly claims = new InFlightBatcher<ClaimAsked, boolean>((asked) => this.claimAll(asked));
  private readonly completions = new InFlightBatcher<CompletionAsked, void>((asked) => this.completeAll(asked));

  /** True when this owner now holds the key; false when another request claimed it first (now or before). */
  claim(scope: string, fingerprint: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.claims.submit({ scope, fingerprint, owner, leaseMs });
  }

  private async claimAll(asked: ClaimAsked[]): Promise<boolean[]> {
    const inserted = await this.db.query<{ owner: string }[]>(
      `INSERT INTO idempotency_keys (scope, fingerprint, state, locked_until, owner)
       SELECT k.scope, k.fingerprint, 'in_progress', now() + make_interval(secs => k.lease_s), k.owner
         FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[]) AS k(scope, fingerprint, owner, lease_s)
       ON CONFLICT (scope) DO NOTHING RETURNING owner`,
      [
        asked.map((a) => a.scope),
        asked.map((a) => a.fingerprint),
        asked.map((a) => a.owner),
        asked.map((a) => a.leaseMs / 1000),
      ],
    );
    const owners = new Set(inserted.map((row) => row.owner));
    return asked.map((a) => owners.has(a.owner));
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
  complete(scope: string, status: number, body: unknown): Promise<void> {
    return this.completions.submit({ scope, status, body: JSON.stringify(body) });
  }

  private async completeAll(asked: CompletionAsked[]): Promise<void[]> {
    await this.db.query(
      `UPDATE idempotency_keys k SET state = 'completed', response_status = v.status, response_body = v.body::jsonb, owner = NULL
         FROM unnest($1::text[], $2::int[], $3::text[]) AS v(scope, status, body) WHERE k.scope = v.scope`,
      [asked.map((a) => a.scope), asked.map((a) => a.status), asked.map((a) => a.body)],
    );
    return asked.map(() => undefined);
  }

  /** Frees the key (the request failed with a 5xx): a retry with it runs again. */
  async release(scope: string, owner: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE scope = $1 AND owner = $2', [scope, owner]);
  }
}
