import { roundSimilarity, trigramSimilarityOfCounts, trigramsOf } from './trigrams';

export interface SimilarName {
  id: string;
  displayName: string;
  /** pg_trgm similarity of the folded names, rounded to three decimals as SQL shows it. */
  similarity: number;
}

export interface SimilarNameQuery {
  /** At least this similar (pg_trgm's `%` with `similarity_threshold`). */
  threshold: number;
  limit: number;
  /** Left out of the answer (the creator being registered or renamed). */
  excludeId?: string;
}

/** Whether a name of this rounded similarity and id comes before `other` (similarity descending, then id). */
function ranksBefore(similarity: number, id: string, other: SimilarName): boolean {
  return similarity > other.similarity || (similarity === other.similarity && id < other.id);
}

/** A list of slots that grows in place (a posting list of one trigram). */
class SlotList {
  items = new Int32Array(8);
  length = 0;

  push(slot: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = slot;
  }
}

/**
 * Names held in memory by their trigrams (an inverted index), answering
 * "which names are at least this similar to this one" with the same result
 * and order as pg_trgm in SQL (`similarity DESC, id`), at a fraction of the
 * cost: counting shared trigrams over typed arrays instead of a GIN bitmap
 * scan and a recheck per candidate.
 *
 * Each name takes a slot; a name that changes or leaves takes a new slot or
 * none, and its old slot is skipped until the next compaction.
 */
export class SimilarNameIndex {
  private readonly trigramIds = new Map<string, number>();
  private postings: SlotList[] = [];
  private ids: string[] = [];
  private names: string[] = [];
  private folded: string[] = [];
  private sizes = new Uint16Array(1024);
  private live = new Uint8Array(1024);
  private shared = new Uint16Array(1024);
  private readonly slotOf = new Map<string, number>();
  private readonly roundings = new Map<number, number>();
  private dead = 0;

  /** How many names it holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Holds `id` under this name (replacing what it held for `id`). */
  put(id: string, displayName: string, folded: string): void {
    this.remove(id);
    const slot = this.ids.length;
    this.ensureCapacity(slot + 1);
    const trigrams = trigramsOf(folded);
    this.ids.push(id);
    this.names.push(displayName);
    this.folded.push(folded);
    this.sizes[slot] = trigrams.length;
    this.live[slot] = 1;
    this.slotOf.set(id, slot);
    for (const trigram of trigrams) this.postingOf(trigram, true)!.push(slot);
  }

  /** Forgets `id` (offboarded: no longer a possible duplicate). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.live[slot] = 0;
    this.slotOf.delete(id);
    this.dead += 1;
    if (this.dead > 1024 && this.dead > this.slotOf.size) this.compact();
  }

  /**
   * The names at least `threshold` similar to `folded`, most similar first, then by id; at most `limit`.
   * Counts, per name, the trigrams it shares with `folded` over the trigrams' slot lists; a name
   * becomes a candidate when its count reaches the least overlap the threshold allows
   * (similarity ≥ t means shared ≥ t × all ≥ t × the query's trigrams).
   */
  similarTo(folded: string, query: SimilarNameQuery): SimilarName[] {
    if (query.limit <= 0) return [];
    const trigrams = trigramsOf(folded);
    const least = Math.max(1, Math.ceil(query.threshold * trigrams.length - 1e-6));
    const shared = this.shared;
    const candidates: number[] = [];
    for (const trigram of trigrams) {
      const posting = this.postingOf(trigram, false);
      if (!posting) continue;
      const { items, length } = posting;
      for (let i = 0; i < length; i += 1) {
        const slot = items[i];
        if (++shared[slot] === least) candidates.push(slot);
      }
    }
    // The best `limit` by (rounded similarity desc, id): most candidates fall below the worst kept and go no further.
    const best: SimilarName[] = [];
    for (const slot of candidates) {
      if (!this.live[slot] || this.ids[slot] === query.excludeId) continue;
      const count = shared[slot];
      const similarity = trigramSimilarityOfCounts(count, trigrams.length, this.sizes[slot]);
      if (similarity < query.threshold) continue;
      const rounded = this.rounded(count, trigrams.length + this.sizes[slot] - count, similarity);
      const id = this.ids[slot];
      if (best.length === query.limit && !ranksBefore(rounded, id, best[best.length - 1])) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(rounded, id, best[at - 1])) at -= 1;
      best.splice(at, 0, { id, displayName: this.names[slot], similarity: rounded });
      if (best.length > query.limit) best.pop();
    }
    shared.fill(0, 0, this.ids.length);
    return best;
  }

  /** `roundSimilarity` of `shared` trigrams over `all`, remembered: few pairs of counts occur, rounding is slow. */
  private rounded(shared: number, all: number, similarity: number): number {
    const key = shared * 65_536 + all;
    let rounded = this.roundings.get(key);
    if (rounded === undefined) {
      rounded = roundSimilarity(similarity);
      this.roundings.set(key, rounded);
    }
    return rounded;
  }

  private postingOf(trigram: string, create: boolean): SlotList | undefined {
    let id = this.trigramIds.get(trigram);
    if (id === undefined) {
      if (!create) return undefined;
      id = this.postings.length;
      this.trigramIds.set(trigram, id);
      this.postings.push(new SlotList());
    }
    return this.postings[id];
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.sizes.length) return;
    const capacity = Math.max(slots, this.sizes.length * 2);
    const grow = <T extends Uint8Array | Uint16Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.sizes = grow(this.sizes, new Uint16Array(capacity));
    this.live = grow(this.live, new Uint8Array(capacity));
    this.shared = grow(this.shared, new Uint16Array(capacity));
  }

  /** Rebuilds without the slots of names that changed or left. */
  private compact(): void {
    const held = [...this.slotOf.values()].map(
      (slot) => [this.ids[slot], this.names[slot], this.folded[slot]] as const,
    );
    this.trigramIds.clear();
    this.postings = [];
    this.ids = [];
    this.names = [];
    this.folded = [];
    this.slotOf.clear();
    this.dead = 0;
    this.live.fill(0);
    for (const [id, name, folded] of held) this.put(id, name, folded);
  }
}
