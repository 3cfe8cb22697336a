import type { Actor } from './actor';
import { SUBJECTS } from './subjects';

/**
 * Proof of the actor: a request is believed only when the process that sent
 * it vouches for its actor with a short-lived signature over the envelope
 * (ADR 0014). These are the rules a proof must satisfy; the signature itself
 * (JWS, Ed25519) is made and checked in packages/messaging.
 */

/** Who may sign: the gateway, and each service that calls another on a user's behalf. */
export const ACTOR_ISSUERS = ['gateway', 'registry', 'agreements', 'tasking', 'approvals'] as const;
export type ActorIssuer = (typeof ACTOR_ISSUERS)[number];

/** How long a proof lives: long enough for a request to cross the bus and wait in a queue, short enough that a copy is soon worthless. */
export const ACTOR_PROOF_LIFETIME_SECONDS = 60;
/** How far the clocks of two Concord hosts may disagree. */
export const ACTOR_PROOF_CLOCK_SKEW_SECONDS = 5;

/**
 * Which request subjects each issuer may vouch for, for any actor. The
 * gateway authenticates users, so it vouches for every request. A service
 * vouches only for the calls it makes on a user's behalf (or, for
 * approvals' channel check, as itself): a stolen service key cannot make the
 * registry register a creator or read personal data. A new call between
 * services is a line here; without it the callee refuses it.
 */
export const ACTOR_ISSUER_SUBJECTS: Record<ActorIssuer, 'every request' | readonly string[]> = {
  gateway: 'every request',
  registry: [],
  agreements: [SUBJECTS.registry.creatorGet],
  tasking: [SUBJECTS.registry.creatorSelect],
  approvals: [SUBJECTS.tasking.assignmentGet, SUBJECTS.tasking.campaignGet, SUBJECTS.registry.creatorGet],
};

export function isActorIssuer(value: unknown): value is ActorIssuer {
  return typeof value === 'string' && (ACTOR_ISSUERS as readonly string[]).includes(value);
}

/** May `issuer` vouch for the actor of a request on `subject` (as written in code, not namespaced)? */
export function issuerMayVouch(issuer: ActorIssuer, subject: string): boolean {
  const subjects = ACTOR_ISSUER_SUBJECTS[issuer];
  return subjects === 'every request' || subjects.includes(subject);
}

/** What a proof says (the JWS payload): who vouches, for which actor, on which subject, for which envelope and data, until when. */
export interface ActorProofClaims {
  /** The issuer that signed. */
  iss: ActorIssuer;
  /** The wire subject (namespaced by environment): a proof is good on one subject only. */
  aud: string;
  /** The actor's user id (the JWT convention), and the whole actor. */
  sub: string;
  act: Actor;
  /** The envelope's id, correlation id and Idempotency-Key. */
  jti: string;
  cid: string;
  idk?: string;
  /** SHA-256 (base64url) of the envelope's data as JSON: the proof covers what is asked, not only who asks. */
  dig: string;
  /** Issued at, expires at: seconds since the epoch. */
  iat: number;
  exp: number;
}

/** The parts of an envelope a proof is bound to. */
export interface ProvableEnvelope {
  id: string;
  actor: Actor;
  correlationId: string;
  idempotencyKey?: string | undefined;
}

/** The claims an issuer signs for an envelope sent on `wireSubject` at `now`. */
export function actorProofClaims(
  issuer: ActorIssuer,
  wireSubject: string,
  envelope: ProvableEnvelope,
  dataDigest: string,
  now: Date,
): ActorProofClaims {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    iss: issuer,
    aud: wireSubject,
    sub: envelope.actor.userId,
    act: canonicalActor(envelope.actor),
    jti: envelope.id,
    cid: envelope.correlationId,
    ...(envelope.idempotencyKey !== undefined ? { idk: envelope.idempotencyKey } : {}),
    dig: dataDigest,
    iat,
    exp: iat + ACTOR_PROOF_LIFETIME_SECONDS,
  };
}

/** Why a proof was not believed: stable words for the refusal and the log. */
export type ActorProofFailure =
  | 'missing'
  | 'malformed'
  | 'unknown_issuer'
  | 'bad_signature'
  | 'issuer_mismatch'
  | 'issuer_not_trusted_for_subject'
  | 'expired'
  | 'not_yet_valid'
  | 'too_long_lived'
  | 'other_subject'
  | 'actor_altered'
  | 'other_envelope'
  | 'data_altered';

export interface ActorProofExpectation {
  /** The issuer whose key verified the signature. */
  signedBy: ActorIssuer;
  wireSubject: string;
  /** The same subject as written in code, for the trust table. */
  subject: string;
  envelope: ProvableEnvelope;
  dataDigest: string;
  now: Date;
}

/** Checks signature-verified claims against the envelope they arrived with; `null` when they prove its actor. */
export function checkActorProofClaims(claims: unknown, expected: ActorProofExpectation): ActorProofFailure | null {
  if (!isClaims(claims)) return 'malformed';
  if (claims.iss !== expected.signedBy) return 'issuer_mismatch';
  if (!issuerMayVouch(claims.iss, expected.subject)) return 'issuer_not_trusted_for_subject';
  const now = Math.floor(expected.now.getTime() / 1000);
  if (claims.exp - claims.iat > ACTOR_PROOF_LIFETIME_SECONDS) return 'too_long_lived';
  if (claims.iat > now + ACTOR_PROOF_CLOCK_SKEW_SECONDS) return 'not_yet_valid';
  if (claims.exp < now - ACTOR_PROOF_CLOCK_SKEW_SECONDS) return 'expired';
  if (claims.aud !== expected.wireSubject) return 'other_subject';
  if (claims.sub !== expected.envelope.actor.userId || !sameActor(claims.act, expected.envelope.actor))
    return 'actor_altered';
  if (
    claims.jti !== expected.envelope.id ||
    claims.cid !== expected.envelope.correlationId ||
    claims.idk !== expected.envelope.idempotencyKey
  ) {
    return 'other_envelope';
  }
  if (claims.dig !== expected.dataDigest) return 'data_altered';
  return null;
}

function canonicalActor(actor: Actor): Actor {
  return {
    userId: actor.userId,
    orgId: actor.orgId,
    roles: [...actor.roles],
    ...(actor.creatorId !== undefined ? { creatorId: actor.creatorId } : {}),
  };
}

function sameActor(a: Actor, b: Actor): boolean {
  return (
    a.userId === b.userId &&
    a.orgId === b.orgId &&
    a.creatorId === b.creatorId &&
    a.roles.length === b.roles.length &&
    a.roles.every((role, i) => role === b.roles[i])
  );
}

function isClaims(value: unknown): value is ActorProofClaims {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const act = c.act as Record<string, unknown> | null | undefined;
  return (
    isActorIssuer(c.iss) &&
    typeof c.aud === 'string' &&
    typeof c.sub === 'string' &&
    typeof act === 'object' &&
    act !== null &&
    typeof act.userId === 'string' &&
    typeof act.orgId === 'string' &&
    Array.isArray(act.roles) &&
    act.roles.every((r) => typeof r === 'string') &&
    (act.creatorId === undefined || typeof act.creatorId === 'string') &&
    typeof c.jti === 'string' &&
    typeof c.cid === 'string' &&
    (c.idk === undefined || typeof c.idk === 'string') &&
    typeof c.dig === 'string' &&
    Number.isInteger(c.iat) &&
    Number.isInteger(c.exp)
  );
}
