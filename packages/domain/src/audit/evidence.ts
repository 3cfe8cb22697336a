import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, type AuditFacts } from './hash-chain';

/**
 * The evidence of an audit trail, Certificate Transparency style: entries
 * are queued with the change they record, a sequencer per service links
 * them in order and signs each link, and signed checkpoints (size, head,
 * time) are published for others to keep. Everything here is pure: the
 * services, the gateway and the offline verifier all use it.
 *
 * A link commits to a digest of its entry's canonical facts, not to the
 * facts themselves, so an agency's export can be checked offline with full
 * facts only for what it may see and the digest for the rest.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** sha256 of the entry's canonical JSON: what a link commits to. */
export function entryDigest(facts: AuditFacts): string {
  return sha256(canonicalJson(facts));
}

/** hash = sha256(prevHash + digest). */
export function linkHash(prevHash: string, digest: string): string {
  return sha256(prevHash + digest);
}

/** The statement a service signs for one link: its service, position and hash (which commits to everything before). */
export function linkStatement(service: string, seq: number, hash: string): string {
  return canonicalJson({ kind: 'concord.audit.link/v1', service, seq, hash });
}

export interface Checkpoint {
  service: string;
  /** How many links the chain had. */
  size: number;
  /** The hash of link `size`. */
  head: string;
  /** When it was signed (ISO 8601 UTC). */
  at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Ed25519 over `checkpointStatement`, base64. */
  signature: string;
}

export function checkpointStatement(c: Checkpoint): string {
  return canonicalJson({
    kind: 'concord.audit.checkpoint/v1',
    service: c.service,
    size: c.size,
    head: c.head,
    at: c.at,
  });
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The 32-byte raw public key, base64: what verifiers are configured with. */
  publicKeyBase64: string;
}

/** An Ed25519 signing key from its 32-byte seed in base64 (`openssl rand -base64 32`). */
export function auditSigningKey(seedBase64: string): AuditSigningKey {
  const seed = Buffer.from(seedBase64, 'base64');
  if (seed.length !== 32) throw new Error('an audit signing key is 32 random bytes in base64');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
  return { privateKey, publicKey, publicKeyBase64: raw.toString('base64') };
}

/** An Ed25519 public key from its 32 raw bytes in base64. */
export function auditPublicKey(rawBase64: string): KeyObject {
  const raw = Buffer.from(rawBase64, 'base64');
  if (raw.length !== 32) throw new Error('an audit public key is 32 bytes in base64');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function signStatement(key: KeyObject, statement: string): string {
  return sign(null, Buffer.from(statement), key).toString('base64');
}

export function statementSigned(key: KeyObject, statement: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(statement), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function signCheckpoint(key: KeyObject, c: Checkpoint): SignedCheckpoint {
  return {
    service: c.service,
    size: c.size,
    head: c.head,
    at: c.at,
    signature: signStatement(key, checkpointStatement(c)),
  };
}

export function checkpointSigned(key: KeyObject, c: SignedCheckpoint): boolean {
  return statementSigned(key, checkpointStatement(c), c.signature);
}

/** One link as a verifier reads it: from the database, or from an export. */
export interface TrailLink {
  seq: number;
  digest: string;
  prevHash: string;
  hash: string;
  signature: string;
  /**
   * The entry's facts; `null` when the entry is gone from the trail (a
   * deletion); absent (`undefined`) when an export leaves them out because
   * the reader's agency may not see them (the digest is still checked).
   */
  facts?: AuditFacts | null;
}

/** Stable codes for where and how a trail broke. */
export type TrailBreakCode =
  | 'link.missing'
  | 'link.out_of_order'
  | 'link.prev_hash'
  | 'link.hash'
  | 'link.signature'
  | 'entry.missing'
  | 'entry.changed'
  | 'link.retired_key'
  | 'checkpoint.signature'
  | 'checkpoint.retired_key'
  | 'checkpoint.disagrees'
  | 'chain.truncated'
  | 'key.missing';

export interface TrailBreak {
  seq: number;
  code: TrailBreakCode;
  detail: string;
}

export interface TrailVerdict {
  service: string;
  valid: boolean;
  /** Links read before the verdict (all of them when valid). */
  entries: number;
  /** Signed checkpoints the chain was compared with. */
  checkpoints: number;
  /** The largest checkpoint, if any. */
  latestCheckpoint: { size: number; head: string; at: string } | null;
  brokenAt?: number;
  problem?: TrailBreak;
}

/**
 * Walks one service's chain in order, one link at a time (so a long chain
 * can be read in pages), and names the first place it breaks: a missing or
 * misplaced link, a link that does not follow from the one before, an entry
 * changed or gone after it was linked, a link not signed by the service, a
 * signed checkpoint the chain disagrees with, or a chain shorter than a
 * checkpoint says it was (its tail cut off, or truncated).
 */
export class TrailVerifier {
  private prev = GENESIS_HASH;
  private count = 0;
  private problem: TrailBreak | null = null;
  private readonly bySize = new Map<number, SignedCheckpoint>();
  private latest: SignedCheckpoint | null = null;
  private checked = 0;
  /** The newest key that signed a link so far: a later link signed only with an older one is a retired key's forgery. */
  private linkKey = 0;

  /**
   * `keys`: the service's public keys, oldest first (a rotation appends the
   * new one). Links and checkpoints must use them in that order: once one
   * is signed with a newer key, none after it may be signed with an older.
   */
  constructor(
    private readonly service: string,
    private readonly keys: readonly KeyObject[] | null,
    checkpoints: readonly SignedCheckpoint[],
  ) {
    if (!keys?.length) {
      this.problem = {
        seq: 0,
        code: 'key.missing',
        detail: `no public key is configured for ${service}'s audit trail`,
      };
      return;
    }
    let checkpointKey = 0;
    const own = checkpoints.filter((c) => c.service === service).sort((a, b) => a.size - b.size);
    for (const c of own) {
      const signer = signerOf(keys, checkpointKey, (key) => checkpointSigned(key, c));
      if (signer === RETIRED) {
        this.problem = {
          seq: c.size,
          code: 'checkpoint.retired_key',
          detail: `the checkpoint of ${c.at} (size ${c.size}) is signed with a key ${service} had already replaced`,
        };
        return;
      }
      if (signer === UNSIGNED) {
        this.problem = {
          seq: c.size,
          code: 'checkpoint.signature',
          detail: `the checkpoint of ${c.at} (size ${c.size}) is not signed by ${service}'s key`,
        };
        return;
      }
      checkpointKey = signer;
      const same = this.bySize.get(c.size);
      if (same && same.head === c.head) continue; // the same checkpoint, from two keepers
      if (same) {
        this.problem = {
          seq: c.size,
          code: 'checkpoint.disagrees',
          detail: `two checkpoints signed for size ${c.size} name different heads (${same.at}, ${c.at}): the chain was rewritten`,
        };
        return;
      }
      this.bySize.set(c.size, c);
      this.checked += 1;
      if (!this.latest || c.size > this.latest.size) this.latest = c;
    }
  }

  push(link: TrailLink): boolean {
    if (this.problem) return false;
    const expected = this.count + 1;
    if (link.seq !== expected) {
      return this.fail(
        link.seq > expected
          ? { seq: expected, code: 'link.missing', detail: `link ${expected} is missing (the next one is ${link.seq})` }
          : { seq: link.seq, code: 'link.out_of_order', detail: `link ${link.seq} appears after link ${this.count}` },
      );
    }
    this.count = expected;
    if (link.prevHash !== this.prev) {
      return this.fail({
        seq: link.seq,
        code: 'link.prev_hash',
        detail: `link ${link.seq} does not follow link ${link.seq - 1} (its previous hash differs)`,
      });
    }
    if (link.facts === null) {
      return this.fail({ seq: link.seq, code: 'entry.missing', detail: `the entry of link ${link.seq} is gone` });
    }
    if (link.facts !== undefined && entryDigest(link.facts) !== link.digest) {
      return this.fail({
        seq: link.seq,
        code: 'entry.changed',
        detail: `the entry of link ${link.seq} (${link.facts.id}) was changed after it was linked`,
      });
    }
    if (linkHash(this.prev, link.digest) !== link.hash) {
      return this.fail({
        seq: link.seq,
        code: 'link.hash',
        detail: `link ${link.seq}'s hash is not sha256(previous hash + digest)`,
      });
    }
    const statement = linkStatement(this.service, link.seq, link.hash);
    const signer = signerOf(this.keys!, this.linkKey, (key) => statementSigned(key, statement, link.signature));
    if (signer === RETIRED) {
      return this.fail({
        seq: link.seq,
        code: 'link.retired_key',
        detail: `link ${link.seq} is signed with a key ${this.service}'s sequencer had already replaced`,
      });
    }
    if (signer === UNSIGNED) {
      return this.fail({
        seq: link.seq,
        code: 'link.signature',
        detail: `link ${link.seq} is not signed by ${this.service}'s sequencer`,
      });
    }
    this.linkKey = signer;
    const checkpoint = this.bySize.get(link.seq);
    if (checkpoint && checkpoint.head !== link.hash) {
      return this.fail({
        seq: link.seq,
        code: 'checkpoint.disagrees',
        detail: `link ${link.seq} differs from the checkpoint signed at ${checkpoint.at}`,
      });
    }
    this.prev = link.hash;
    return true;
  }

  verdict(): TrailVerdict {
    if (!this.problem && this.latest && this.count < this.latest.size) {
      this.problem = {
        seq: this.count + 1,
        code: 'chain.truncated',
        detail: `the chain ends at link ${this.count}, but the checkpoint signed at ${this.latest.at} covers ${this.latest.size} links`,
      };
    }
    const base = {
      service: this.service,
      entries: this.count,
      checkpoints: this.checked,
      latestCheckpoint: this.latest ? { size: this.latest.size, head: this.latest.head, at: this.latest.at } : null,
    };
    return this.problem
      ? { ...base, valid: false, brokenAt: this.problem.seq, problem: this.problem }
      : { ...base, valid: true };
  }

  private fail(problem: TrailBreak): false {
    this.problem = problem;
    return false;
  }
}

const UNSIGNED = -1;
const RETIRED = -2;

/**
 * Which of `keys` (oldest first) signed something, looking from `from` on:
 * its index; RETIRED when only a key older than `from` did; UNSIGNED when none.
 */
function signerOf(keys: readonly KeyObject[], from: number, signedBy: (key: KeyObject) => boolean): number {
  for (let i = from; i < keys.length; i += 1) if (signedBy(keys[i])) return i;
  for (let i = 0; i < from; i += 1) if (signedBy(keys[i])) return RETIRED;
  return UNSIGNED;
}
