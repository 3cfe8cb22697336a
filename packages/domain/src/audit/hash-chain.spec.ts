import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ChainVerifier, GENESIS_HASH, chainHash, type AuditFacts, type ChainLink } from './hash-chain';

function facts(i: number): AuditFacts {
  return {
    id: `0190aaaa-0000-7000-8000-00000000000${i}`,
    at: `2026-01-0${i}T09:00:00.000Z`,
    actorUserId: `user-${i}`,
    actorOrgId: 'mcst-ttcs',
    action: i === 1 ? 'creator.registered' : 'creator.status_changed',
    subject: 'creator:0190bbbb-0000-7000-8000-000000000001',
    reason: i === 1 ? null : `step ${i}`,
    data: { step: i, tags: ['a', 'b'] },
  };
}

function buildChain(all: AuditFacts[]): ChainLink[] {
  let prev = GENESIS_HASH;
  return all.map((f, i) => {
    const hash = chainHash(prev, f);
    const link = { seq: i + 1, prevHash: prev, hash, facts: f };
    prev = hash;
    return link;
  });
}

function verify(links: ChainLink[]) {
  const verifier = new ChainVerifier();
  for (const link of links) verifier.push(link);
  return verifier.verdict();
}

const fiveFacts = () => [1, 2, 3, 4, 5].map(facts);

describe('chainHash', () => {
  it('is a 64-character hex sha256', () => {
    expect(chainHash(GENESIS_HASH, facts(1))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('starts from a genesis hash of 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('depends on the previous hash', () => {
    expect(chainHash(GENESIS_HASH, facts(1))).not.toBe(chainHash('f'.repeat(64), facts(1)));
  });

  it('does not depend on key order of the facts or their data', () => {
    const f = facts(2);
    const reordered = {
      data: { tags: ['a', 'b'], step: 2 },
      reason: f.reason,
      subject: f.subject,
      action: f.action,
      actorOrgId: f.actorOrgId,
      actorUserId: f.actorUserId,
      at: f.at,
      id: f.id,
    } as AuditFacts;
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, f));
  });
});

describe('ChainVerifier', () => {
  it('accepts an intact chain of five entries', () => {
    const chain = buildChain(fiveFacts());
    expect(chain[0].prevHash).toBe(GENESIS_HASH);
    expect(verify(chain)).toEqual({ valid: true, entries: 5 });
  });

  it('accepts an empty chain', () => {
    expect(new ChainVerifier().verdict()).toEqual({ valid: true, entries: 0 });
  });

  it.each([1, 2, 3, 4, 5])('detects a changed reason in entry %i', (seq) => {
    const chain = buildChain(fiveFacts());
    chain[seq - 1] = { ...chain[seq - 1], facts: { ...chain[seq - 1].facts, reason: 'edited afterwards' } };
    expect(verify(chain)).toEqual({ valid: false, entries: seq, brokenAt: seq });
  });

  it('detects an edited previous-hash field even when the entry hash is intact', () => {
    const chain = buildChain(fiveFacts());
    chain[3] = { ...chain[3], prevHash: 'f'.repeat(64) };
    expect(verify(chain)).toEqual({ valid: false, entries: 4, brokenAt: 4 });
  });

  it('detects a change deep inside the data of an entry', () => {
    const chain = buildChain(fiveFacts());
    chain[2] = { ...chain[2], facts: { ...chain[2].facts, data: { step: 3, tags: ['a', 'c'] } } };
    expect(verify(chain)).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it('detects a recomputed hash that no longer matches the next link', () => {
    const chain = buildChain(fiveFacts());
    const forged = { ...chain[1].facts, actorUserId: 'intruder' };
    chain[1] = { ...chain[1], facts: forged, hash: chainHash(chain[1].prevHash, forged) };
    expect(verify(chain)).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it.each([1, 2, 3, 4])('detects removal of entry %i at the entry after it', (seq) => {
    const chain = buildChain(fiveFacts());
    const withGap = chain.filter((l) => l.seq !== seq);
    expect(verify(withGap)).toMatchObject({ valid: false, brokenAt: seq + 1 });
  });

  it('detects two entries swapped', () => {
    const chain = buildChain(fiveFacts());
    [chain[2], chain[3]] = [chain[3], chain[2]];
    expect(verify(chain)).toMatchObject({ valid: false, brokenAt: 4 });
  });

  it('stops at the first break and refuses every later link', () => {
    const chain = buildChain(fiveFacts());
    chain[1] = { ...chain[1], facts: { ...chain[1].facts, reason: 'x' } };
    const verifier = new ChainVerifier();
    expect(chain.map((l) => verifier.push(l))).toEqual([true, false, false, false, false]);
    expect(verifier.verdict()).toEqual({ valid: false, entries: 2, brokenAt: 2 });
  });

  it('gives the same verdict when the chain is read in pages by one verifier', () => {
    const chain = buildChain([1, 2, 3, 4, 5, 6, 7, 8, 9].map(facts));
    const verifier = new ChainVerifier();
    for (const page of [chain.slice(0, 4), chain.slice(4, 8), chain.slice(8)]) {
      for (const link of page) verifier.push(link);
    }
    expect(verifier.verdict()).toEqual({ valid: true, entries: 9 });
  });

  it('always detects a changed action string in any single entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.string({ maxLength: 40 }), (index, newAction) => {
        const chain = buildChain(fiveFacts());
        fc.pre(newAction !== chain[index].facts.action);
        chain[index] = { ...chain[index], facts: { ...chain[index].facts, action: newAction } };
        expect(verify(chain)).toEqual({ valid: false, entries: index + 1, brokenAt: index + 1 });
      }),
    );
  });
});
