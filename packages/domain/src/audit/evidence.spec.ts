import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import {
  auditPublicKey,
  auditSigningKey,
  checkpointSigned,
  entryDigest,
  linkHash,
  linkStatement,
  signCheckpoint,
  signStatement,
  TrailVerifier,
  type SignedCheckpoint,
  type TrailLink,
} from './evidence';
import { GENESIS_HASH, type AuditFacts } from './hash-chain';

const key = auditSigningKey(randomBytes(32).toString('base64'));
const other = auditSigningKey(randomBytes(32).toString('base64'));

function facts(i: number): AuditFacts {
  return {
    id: `0190aaaa-0000-7000-8000-00000000000${i}`,
    at: `2026-01-0${i}T09:00:00.000Z`,
    actorUserId: 'u',
    actorOrgId: 'mcst-ttcs',
    action: 'creator.registered',
    subject: 'creator:x',
    reason: null,
    data: { i },
  };
}

function chain(n: number, signer = key): TrailLink[] {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const f = facts(i + 1);
    const digest = entryDigest(f);
    const hash = linkHash(prev, digest);
    const link = {
      seq: i + 1,
      digest,
      prevHash: prev,
      hash,
      signature: signStatement(signer.privateKey, linkStatement('registry', i + 1, hash)),
      facts: f,
    };
    prev = hash;
    return link;
  });
}

function run(
  links: TrailLink[],
  checkpoints: SignedCheckpoint[] = [],
  keys: ReturnType<typeof auditPublicKey>[] | null = [key.publicKey],
) {
  const v = new TrailVerifier('registry', keys, checkpoints);
  for (const l of links) if (!v.push(l)) break;
  return v.verdict();
}

const checkpointOf = (links: TrailLink[], size: number, signer = key) =>
  signCheckpoint(signer.privateKey, {
    service: 'registry',
    size,
    head: links[size - 1].hash,
    at: '2026-01-09T00:00:00.000Z',
  });

describe('audit keys', () => {
  it('derive the same public key from the seed as a verifier is configured with', () => {
    const c = checkpointOf(chain(2), 2);
    expect(checkpointSigned(auditPublicKey(key.publicKeyBase64), c)).toBe(true);
    expect(checkpointSigned(auditPublicKey(other.publicKeyBase64), c)).toBe(false);
    expect(() => auditSigningKey('c2hvcnQ=')).toThrow(/32 random bytes/);
  });
});

describe('TrailVerifier', () => {
  it('accepts a signed chain that agrees with its checkpoints, and a redacted entry by its digest', () => {
    const links = chain(4);
    const redacted = links.map((l, i) => (i === 1 ? { ...l, facts: undefined } : l));
    expect(run(redacted, [checkpointOf(links, 2), checkpointOf(links, 4)])).toMatchObject({
      valid: true,
      entries: 4,
      checkpoints: 2,
      latestCheckpoint: { size: 4 },
    });
  });

  it('refuses links signed by another key', () => {
    expect(run(chain(3, other))).toMatchObject({ valid: false, brokenAt: 1, problem: { code: 'link.signature' } });
  });

  it('refuses a checkpoint not signed by the service, and two signed checkpoints of one size with different heads', () => {
    const links = chain(3);
    expect(run(links, [checkpointOf(links, 3, other)])).toMatchObject({
      valid: false,
      problem: { code: 'checkpoint.signature', seq: 3 },
    });
    const rewritten = signCheckpoint(key.privateKey, {
      service: 'registry',
      size: 3,
      head: 'a'.repeat(64),
      at: '2026-01-10T00:00:00.000Z',
    });
    expect(run(links, [checkpointOf(links, 3), rewritten])).toMatchObject({
      valid: false,
      problem: { code: 'checkpoint.disagrees', seq: 3 },
    });
  });

  it("ignores other services' checkpoints and says when there is no key to check with", () => {
    const links = chain(2);
    const foreign = signCheckpoint(key.privateKey, {
      service: 'agreements',
      size: 9,
      head: 'b'.repeat(64),
      at: '2026-01-10T00:00:00.000Z',
    });
    expect(run(links, [foreign])).toMatchObject({ valid: true, checkpoints: 0 });
    expect(run(links, [], null)).toMatchObject({ valid: false, problem: { code: 'key.missing' } });
  });

  describe('after the service rotated its key (keys oldest first)', () => {
    /** The chain's links from `seq` on, signed again with `signer` (a link's hash does not cover its signature). */
    const signedFrom = (links: TrailLink[], seq: number, signer: typeof key) =>
      links.map((l) =>
        l.seq < seq
          ? l
          : { ...l, signature: signStatement(signer.privateKey, linkStatement('registry', l.seq, l.hash)) },
      );

    it('accepts links and checkpoints signed with the old key up to the rotation and the new one after it', () => {
      const links = signedFrom(chain(4), 3, other);
      const checkpoints = [checkpointOf(links, 2), checkpointOf(links, 4, other)];
      expect(run(links, checkpoints, [key.publicKey, other.publicKey])).toMatchObject({ valid: true, checkpoints: 2 });
      expect(run(links, checkpoints, [other.publicKey])).toMatchObject({
        valid: false,
        problem: { code: 'checkpoint.signature', seq: 2 },
      });
      expect(run(links, [], [other.publicKey])).toMatchObject({
        valid: false,
        problem: { code: 'link.signature', seq: 1 },
      });
    });

    it('refuses a link signed with the retired key after the new one began', () => {
      const links = signedFrom(signedFrom(chain(4), 3, other), 4, key);
      expect(run(links, [], [key.publicKey, other.publicKey])).toMatchObject({
        valid: false,
        brokenAt: 4,
        problem: { code: 'link.retired_key' },
      });
    });

    it('refuses a checkpoint signed with the retired key after one signed with the new key', () => {
      const links = signedFrom(chain(4), 3, other);
      expect(
        run(links, [checkpointOf(links, 3, other), checkpointOf(links, 4)], [key.publicKey, other.publicKey]),
      ).toMatchObject({ valid: false, problem: { code: 'checkpoint.retired_key', seq: 4 } });
    });
  });

  it('names a link out of order', () => {
    const links = chain(3);
    expect(run([links[0], links[1], links[1]])).toMatchObject({
      valid: false,
      brokenAt: 2,
      problem: { code: 'link.out_of_order' },
    });
  });
});
