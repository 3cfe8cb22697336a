import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash before the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit entry records: who, which agency, what, when, why. */
export interface AuditFacts {
  id: string;
  at: string;
  actorUserId: string;
  actorOrgId: string;
  action: string;
  subject: string;
  reason: string | null;
  data: unknown;
}

/** hash = sha256(prevHash + canonical JSON of the entry). */
export function chainHash(prevHash: string, facts: AuditFacts): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(facts)).digest('hex');
}

export type ChainVerdict = { valid: true; entries: number } | { valid: false; entries: number; brokenAt: number };

export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
  facts: AuditFacts;
}

/**
 * Walks a chain in order, one link at a time (so a long chain can be read in
 * pages); the first link whose previous hash or own hash does not hold
 * breaks it.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private count = 0;
  private broken: number | null = null;

  push(link: ChainLink): boolean {
    if (this.broken !== null) return false;
    this.count += 1;
    if (link.prevHash !== this.prev || chainHash(this.prev, link.facts) !== link.hash) {
      this.broken = link.seq;
      return false;
    }
    this.prev = link.hash;
    return true;
  }

  verdict(): ChainVerdict {
    return this.broken === null
      ? { valid: true, entries: this.count }
      : { valid: false, entries: this.count, brokenAt: this.broken };
  }
}
