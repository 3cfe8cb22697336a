import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import {
  ACTOR_ISSUERS,
  actorProofClaims,
  checkActorProofClaims,
  isActorIssuer,
  type ActorIssuer,
  type ActorProofFailure,
  type ProvableEnvelope,
} from '@concord/domain';

/**
 * Proofs of the actor (ADR 0014) as compact JWS (RFC 7515), signed with
 * Ed25519 by node:crypto itself: one synchronous call each way, where jose's
 * WebCrypto path took 2.5× the CPU (ADR 0014, "Why compact JWS, made with
 * node:crypto"). The rules a proof must satisfy are in packages/domain
 * (actor-proof.ts); here are the keys and the signatures.
 *
 * Keys travel in configuration as base64 DER: the private key as PKCS#8
 * (`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`), the
 * public key as SPKI (`openssl pkey -inform DER -in key.der -pubout
 * -outform DER | base64 -w0`).
 */

const ALGORITHM = 'Ed25519';
const TYPE = 'concord-actor+jws';

/** SHA-256 (base64url) of a request's data as it travels (JSON). */
export function dataDigest(data: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(data) ?? '')
    .digest('base64url');
}

/** A new Ed25519 key pair in the configuration's form. */
export function generateActorKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/** The public key (SPKI, base64) of a private key (PKCS#8, base64). */
export function actorPublicKeyOf(privateKey: string): string {
  return createPublicKey(parsePrivateKey(privateKey)).export({ format: 'der', type: 'spki' }).toString('base64');
}

export function parsePrivateKey(base64: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(base64.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
  return key;
}

export function parsePublicKey(base64: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64.trim(), 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}

/**
 * `CONCORD_ACTOR_ISSUERS`: `name=publicKey` pairs separated by commas, e.g.
 * `gateway=MCowBQ…,agreements=MCowBQ…`. An issuer may be named twice while
 * its key is rotated. Throws naming what is wrong.
 */
export function parseActorIssuers(value: string): { issuer: ActorIssuer; key: KeyObject }[] {
  const pairs = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!pairs.length) throw new Error('names no issuer');
  return pairs.map((pair) => {
    const at = pair.indexOf('=');
    const issuer = pair.slice(0, at).trim();
    if (at < 1 || !isActorIssuer(issuer))
      throw new Error(`"${pair.slice(0, 20)}…" does not start with an issuer (${ACTOR_ISSUERS.join(', ')}) and "="`);
    try {
      return { issuer, key: parsePublicKey(pair.slice(at + 1)) };
    } catch {
      throw new Error(`the key of ${issuer} is not an Ed25519 public key (SPKI DER, base64)`);
    }
  });
}

/** `CONCORD_ACTOR_ISSUERS` for these public keys. */
export function formatActorIssuers(keys: Partial<Record<ActorIssuer, string>>): string {
  return Object.entries(keys)
    .map(([issuer, key]) => `${issuer}=${key}`)
    .join(',');
}

/** A key's id in a proof's header: the issuer and a fingerprint of its public key, so rotated keys are told apart. */
function keyId(issuer: ActorIssuer, publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return `${issuer}:${createHash('sha256').update(der).digest('base64url').slice(0, 16)}`;
}

/** Signs the actor of the requests one process sends, as `issuer`. */
export class ActorProofSigner {
  private readonly key: KeyObject;
  /** The protected header, encoded once: it names the algorithm, the type and the key. */
  private readonly header: string;

  constructor(
    readonly issuer: ActorIssuer,
    privateKey: string | KeyObject,
  ) {
    this.key = typeof privateKey === 'string' ? parsePrivateKey(privateKey) : privateKey;
    this.header = base64url(
      JSON.stringify({ alg: ALGORITHM, typ: TYPE, kid: keyId(issuer, createPublicKey(this.key)) }),
    );
  }

  /** The proof of `envelope` sent on `wireSubject` (namespaced), valid from `now` for the domain's lifetime. */
  sign(wireSubject: string, envelope: ProvableEnvelope & { data: unknown }, now = new Date()): string {
    const claims = actorProofClaims(this.issuer, wireSubject, envelope, dataDigest(envelope.data), now);
    const signingInput = `${this.header}.${base64url(JSON.stringify(claims))}`;
    return `${signingInput}.${sign(null, Buffer.from(signingInput), this.key).toString('base64url')}`;
  }
}

export type ActorProofVerdict =
  { proven: true; issuer: ActorIssuer } | { proven: false; reason: ActorProofFailure; issuer: string | null };

/** Checks proofs against the public keys of the issuers this process believes. */
export class ActorProofVerifier {
  private readonly keys = new Map<string, { issuer: ActorIssuer; key: KeyObject }>();

  constructor(issuers: string | { issuer: ActorIssuer; key: KeyObject | string }[]) {
    const list = typeof issuers === 'string' ? parseActorIssuers(issuers) : issuers;
    for (const { issuer, key } of list) {
      const publicKey = typeof key === 'string' ? parsePublicKey(key) : key;
      this.keys.set(keyId(issuer, publicKey), { issuer, key: publicKey });
    }
  }

  /** Does the envelope that arrived on `wireSubject` prove its actor? `envelope` is as received (not yet validated). */
  verify(wireSubject: string, envelope: unknown, now = new Date()): ActorProofVerdict {
    const e = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Record<string, unknown>;
    const proof = e.proof;
    if (proof === undefined || proof === null || proof === '')
      return { proven: false, reason: 'missing', issuer: null };
    if (typeof proof !== 'string' || !isProvable(e)) return { proven: false, reason: 'malformed', issuer: null };
    const parts = proof.split('.');
    if (parts.length !== 3) return { proven: false, reason: 'malformed', issuer: null };
    const [encodedHeader, encodedClaims, signature] = parts as [string, string, string];
    const header = parseJsonPart(encodedHeader);
    if (typeof header !== 'object' || header === null || (header as Record<string, unknown>).alg !== ALGORITHM)
      return { proven: false, reason: 'malformed', issuer: null };
    const kid = (header as Record<string, unknown>).kid;
    const known = typeof kid === 'string' ? this.keys.get(kid) : undefined;
    const named = typeof kid === 'string' ? kid.split(':')[0] : null;
    if (!known) return { proven: false, reason: 'unknown_issuer', issuer: named };
    const signed = verify(
      null,
      Buffer.from(`${encodedHeader}.${encodedClaims}`),
      known.key,
      Buffer.from(signature, 'base64url'),
    );
    if (!signed) return { proven: false, reason: 'bad_signature', issuer: known.issuer };
    const claims = parseJsonPart(encodedClaims);
    if (claims === undefined) return { proven: false, reason: 'malformed', issuer: known.issuer };
    const reason = checkActorProofClaims(claims, {
      signedBy: known.issuer,
      wireSubject,
      subject: subjectInCode(wireSubject),
      envelope: e,
      dataDigest: dataDigest(e.data),
      now,
    });
    return reason ? { proven: false, reason, issuer: known.issuer } : { proven: true, issuer: known.issuer };
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A JWS part decoded as JSON; undefined when it is not base64url JSON. */
function parseJsonPart(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** `concord.<env>.registry.creator.get` → `concord.registry.creator.get` (an environment is one token). */
export function subjectInCode(wireSubject: string): string {
  const [head, , ...rest] = wireSubject.split('.');
  return [head, ...rest].join('.');
}

function isProvable(e: Record<string, unknown>): e is Record<string, unknown> & ProvableEnvelope {
  const actor = e.actor as Record<string, unknown> | null | undefined;
  return (
    typeof e.id === 'string' &&
    typeof e.correlationId === 'string' &&
    (e.idempotencyKey === undefined || typeof e.idempotencyKey === 'string') &&
    typeof actor === 'object' &&
    actor !== null &&
    typeof actor.userId === 'string' &&
    typeof actor.orgId === 'string' &&
    Array.isArray(actor.roles)
  );
}

/** The configuration of proofs (README, "Configuration"); keys are checked when the process starts. */
export const ActorProofConfig = {
  /** This process's Ed25519 private key (PKCS#8 DER, base64): it signs the actor of every request the process sends. */
  CONCORD_ACTOR_KEY: z.string().refine((value) => {
    try {
      parsePrivateKey(value);
      return true;
    } catch {
      return false;
    }
  }, 'an Ed25519 private key, PKCS#8 DER in base64 (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)'),
  /** The issuers this process believes: `name=publicKey,…` (SPKI DER, base64). */
  CONCORD_ACTOR_ISSUERS: z.string().superRefine((value, ctx) => {
    try {
      parseActorIssuers(value);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `${(error as Error).message} (expected name=publicKey,…; README, "Configuration")`,
      });
    }
  }),
};
