import { describe, expect, it } from '@jest/globals';
import {
  ACTOR_PROOF_CLOCK_SKEW_SECONDS,
  ACTOR_PROOF_LIFETIME_SECONDS,
  actorProofClaims,
  checkActorProofClaims,
  issuerMayVouch,
  type ActorProofExpectation,
} from './actor-proof';
import { SUBJECTS } from './subjects';

const envelope = {
  id: 'e-1',
  actor: { userId: 'registrar@mcst', orgId: 'mcst-ttcs', roles: ['registry_officer' as const] },
  correlationId: 'c-1',
  idempotencyKey: 'k-1',
};
const wire = 'concord.dev.registry.creator.create';
const now = new Date('2026-12-06T20:00:00Z');
const claims = actorProofClaims('gateway', wire, envelope, 'digest', now);
const expected: ActorProofExpectation = {
  signedBy: 'gateway',
  wireSubject: wire,
  subject: SUBJECTS.registry.creatorCreate,
  envelope,
  dataDigest: 'digest',
  now,
};
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('proof of the actor', () => {
  it('proves the envelope it was made for, until it expires', () => {
    expect(checkActorProofClaims(claims, expected)).toBeNull();
    expect(
      checkActorProofClaims(claims, {
        ...expected,
        now: later(ACTOR_PROOF_LIFETIME_SECONDS + ACTOR_PROOF_CLOCK_SKEW_SECONDS),
      }),
    ).toBeNull();
    expect(
      checkActorProofClaims(claims, {
        ...expected,
        now: later(ACTOR_PROOF_LIFETIME_SECONDS + ACTOR_PROOF_CLOCK_SKEW_SECONDS + 1),
      }),
    ).toBe('expired');
  });

  it.each<[string, unknown, ActorProofExpectation]>([
    ['malformed', 'not claims', expected],
    ['issuer_mismatch', claims, { ...expected, signedBy: 'tasking' }],
    [
      'issuer_not_trusted_for_subject',
      actorProofClaims('agreements', wire, envelope, 'digest', now),
      { ...expected, signedBy: 'agreements' },
    ],
    ['too_long_lived', { ...claims, exp: claims.iat + ACTOR_PROOF_LIFETIME_SECONDS + 1 }, expected],
    ['not_yet_valid', actorProofClaims('gateway', wire, envelope, 'digest', later(60)), expected],
    [
      'other_subject',
      claims,
      { ...expected, wireSubject: 'concord.dev.registry.creator.update', subject: SUBJECTS.registry.creatorUpdate },
    ],
    ['other_subject', claims, { ...expected, wireSubject: 'concord.prod.registry.creator.create' }],
    [
      'actor_altered',
      claims,
      { ...expected, envelope: { ...envelope, actor: { ...envelope.actor, userId: 'mallory@nowhere' } } },
    ],
    [
      'actor_altered',
      claims,
      { ...expected, envelope: { ...envelope, actor: { ...envelope.actor, roles: ['admin' as const] } } },
    ],
    ['actor_altered', claims, { ...expected, envelope: { ...envelope, actor: { ...envelope.actor, orgId: 'mofa' } } }],
    ['other_envelope', claims, { ...expected, envelope: { ...envelope, id: 'e-2' } }],
    ['other_envelope', claims, { ...expected, envelope: { ...envelope, idempotencyKey: 'k-2' } }],
    ['other_envelope', claims, { ...expected, envelope: { ...envelope, correlationId: 'c-2' } }],
    ['data_altered', claims, { ...expected, dataDigest: 'other' }],
  ])('is refused as %s', (reason, given, expectation) => {
    expect(checkActorProofClaims(given, expectation)).toBe(reason);
  });

  it("lets the gateway vouch for every request, and a service only for the calls it makes on a user's behalf", () => {
    expect(issuerMayVouch('gateway', SUBJECTS.registry.creatorReadPersonalData)).toBe(true);
    expect(issuerMayVouch('agreements', SUBJECTS.registry.creatorGet)).toBe(true);
    expect(issuerMayVouch('agreements', SUBJECTS.registry.creatorReadPersonalData)).toBe(false);
    expect(issuerMayVouch('tasking', SUBJECTS.registry.creatorSelect)).toBe(true);
    expect(issuerMayVouch('tasking', SUBJECTS.registry.creatorCreate)).toBe(false);
    expect(issuerMayVouch('approvals', SUBJECTS.tasking.assignmentGet)).toBe(true);
    expect(issuerMayVouch('registry', SUBJECTS.tasking.assignmentGet)).toBe(false);
  });
});
