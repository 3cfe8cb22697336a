import { foldText, SimilarNameIndex, type SimilarName } from '@concord/domain';
import type { CreatorRepository, NamesWatermark } from './creator.repository';

/** What the index needs of a creator: its name, whether it still counts, and the version that says which is newer. */
export interface NamedCreator {
  id: string;
  displayName: string;
  status: string;
  version: number;
}

/**
 * The creators' names in this registry instance's memory, for the duplicate
 * check at registration (ADR 0017): the same answer as pg_trgm's `%` in SQL,
 * without the GIN scan that cost ≈ 12 ms of PostgreSQL per registration.
 *
 * PostgreSQL stays the truth. The first `refresh` loads every name; later
 * ones read what changed since the last (`updated_at`, with an overlap for
 * transactions that committed late, less what the last read saw already:
 * `namesChangedSince`), so changes made by another instance arrive within
 * one refresh interval. What this instance commits it applies
 * at once. A version per creator keeps an older row from replacing a newer
 * one. The first check waits for the first load (the registry starting).
 */
export class SimilarNames {
  private readonly index = new SimilarNameIndex();
  private readonly versions = new Map<string, number>();
  /** Where the last read left off: the latest `updated_at` seen and that read's horizon. */
  private since: NamesWatermark | null = null;
  private loaded = false;
  private refreshing: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    private readonly creators: Pick<CreatorRepository, 'namesChangedSince'>,
    /** How far before the latest change seen each refresh looks again: longer than any registry transaction. */
    private readonly overlapMs = 10_000,
  ) {}

  /** The names at least `threshold` similar to `folded`, as SQL orders them. */
  async similarTo(
    folded: string,
    query: { threshold: number; limit: number; excludeId?: string },
  ): Promise<SimilarName[]> {
    if (!this.loaded) await this.refresh();
    return this.index.similarTo(folded, query);
  }

  /** A creator as this instance just committed it. */
  apply(creator: NamedCreator): void {
    const held = this.versions.get(creator.id);
    if (held !== undefined && held >= creator.version) return;
    this.versions.set(creator.id, creator.version);
    if (creator.status === 'offboarded') this.index.remove(creator.id);
    else this.index.put(creator.id, creator.displayName, foldText(creator.displayName));
  }

  /**
   * Reads what changed since the last refresh (everything, the first time), one read at a time. A read already under
   * way may have begun before what the caller wants to see, so the caller waits for one more read after it (callers
   * arriving meanwhile share that one).
   */
  refresh(): Promise<void> {
    if (this.refreshing) {
      // Whatever that read's outcome, the next one runs.
      this.next ??= this.refreshing
        .catch(() => undefined)
        .then(() => {
          this.next = null;
          return this.refresh();
        });
      return this.next;
    }
    this.refreshing = this.readChanges().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async readChanges(): Promise<void> {
    const { changes, horizon } = await this.creators.namesChangedSince(this.since, this.overlapMs * 1000);
    let micros = this.since?.micros ?? 0;
    for (const change of changes) {
      this.apply(change);
      micros = Math.max(micros, Number(change.changedAt));
    }
    this.since = { micros, horizon };
    this.loaded = true;
  }
}
