import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';

type PublicKey = Awaited<ReturnType<typeof importSPKI>>;
import { CREATORS_ORG, ROLES, type Actor, type Role } from '@concord/domain';
import type { GatewayConfig } from '../gateway.config';
import type { DevUser } from './dev-users';

const DEV_ISSUER = 'concord-dev';
const DEV_AUDIENCE = 'concord';

/** Whom a dev token is issued for: a seeded staff user, or a creator (with their registry id). */
export type DevTokenSubject = DevUser & { creatorId?: string };

/**
 * Verifies bearer JWTs (claims `sub`, `org`, `roles`, `exp`; for creators also
 * `creator`, their registry id): against the identity
 * provider's JWKS or public key in production, against the dev secret when
 * CONCORD_DEV_AUTH=1.
 */
export class TokenVerifier {
  private readonly devSecret: Uint8Array | null;
  private readonly jwks: JWTVerifyGetKey | null;
  private readonly publicKey: Promise<PublicKey> | null;

  constructor(private readonly config: GatewayConfig) {
    this.devSecret = config.CONCORD_DEV_AUTH
      ? new TextEncoder().encode(config.CONCORD_DEV_AUTH_SECRET ?? randomBytes(32).toString('hex'))
      : null;
    this.jwks = config.AUTH_JWKS_URL ? createRemoteJWKSet(new URL(config.AUTH_JWKS_URL)) : null;
    this.publicKey = config.AUTH_PUBLIC_KEY ? importSPKI(config.AUTH_PUBLIC_KEY, 'RS256') : null;
  }

  get devTokensEnabled(): boolean {
    return this.devSecret !== null;
  }

  async issueDevToken(user: DevTokenSubject): Promise<string> {
    if (!this.devSecret) throw new Error('Dev tokens are disabled');
    return new SignJWT({
      org: user.orgId,
      roles: user.roles,
      name: user.name,
      ...(user.creatorId ? { creator: user.creatorId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.devSecret);
  }

  /** The actor a token speaks for, or null when it does not verify. Verified tokens are remembered until they expire. */
  async verify(token: string): Promise<Actor | null> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.actor;
    if (known) this.verified.delete(token);
    const verified = await this.verifyAnew(token);
    if (verified) {
      if (this.verified.size >= 10_000) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, verified);
    }
    return verified?.actor ?? null;
  }

  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();

  private async verifyAnew(token: string): Promise<{ actor: Actor; expiresAt: number } | null> {
    const attempts: (() => Promise<{ payload: Record<string, unknown> }>)[] = [];
    if (this.devSecret) {
      const secret = this.devSecret;
      attempts.push(() =>
        jwtVerify(token, secret, {
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          algorithms: ['HS256'],
          requiredClaims: ['exp'],
        }),
      );
    }
    // A token that never expires is refused: a leaked one would work for ever.
    const options = { issuer: this.config.AUTH_ISSUER, audience: this.config.AUTH_AUDIENCE, requiredClaims: ['exp'] };
    if (this.jwks) {
      const jwks = this.jwks;
      attempts.push(() => jwtVerify(token, jwks, options));
    }
    if (this.publicKey) {
      const key = this.publicKey;
      attempts.push(async () => jwtVerify(token, await key, options));
    }
    for (const attempt of attempts) {
      try {
        const { payload } = await attempt();
        const actor = toActor(payload);
        return actor ? { actor, expiresAt: (payload.exp as number) * 1000 } : null;
      } catch {
        // try the next way, if any
      }
    }
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toActor(payload: Record<string, unknown>): Actor | null {
  const { sub, org, roles, creator } = payload;
  if (typeof sub !== 'string' || typeof org !== 'string' || !Array.isArray(roles)) return null;
  const known = roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string));
  if (org !== CREATORS_ORG) return { userId: sub, orgId: org, roles: known };
  // A creator holds no staff role, and the `creator` claim counts only with org `creators` and role `creator`.
  const creatorRoles = known.filter((r) => r === 'creator');
  const creatorId =
    creatorRoles.length > 0 && typeof creator === 'string' && UUID.test(creator) ? creator.toLowerCase() : undefined;
  return { userId: sub, orgId: org, roles: creatorRoles, ...(creatorId ? { creatorId } : {}) };
}
