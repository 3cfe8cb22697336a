import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  allowedTypos,
  creatorSearchText,
  creatorSearchWords,
  decodeCursor,
  encodeCursor,
  foldText,
  nameWords,
  PLATFORMS,
  queryWords,
  swappedLetters,
  type CreatorCandidate,
  type ListCreatorsQuery,
} from '@concord/domain';
import type { SqlCondition } from '@concord/permissions';
import { insertLater, visibleTo, writeLater } from '@concord/database';
import { Channel } from './channel.entity';
import { Creator } from './creator.entity';

/** A creator's name as it changed, for the duplicate check's memory. */
export interface NameChange {
  id: string;
  displayName: string;
  status: string;
  version: number;
  /** `updated_at` in microseconds since 1970 (bigint, as text). */
  changedAt: string;
}

/** Where a read of changed names left off (`namesChangedSince`). */
export interface NamesWatermark {
  /** The latest `updated_at` read, in microseconds since 1970. */
  micros: number;
  /** The oldest transaction still running when that read took its snapshot (a 32-bit xid, as text). */
  horizon: string;
}

/** The names changed since a watermark, and the horizon of the read that found them. */
export interface NameChanges {
  changes: NameChange[];
  horizon: string;
}

/** Rule fields → SQL columns, for permission conditions on `creators c`. */
export const CREATOR_PERMISSION_COLUMNS = { status: 'c.status' };

/**
 * How similar (pg_trgm's similarity) two folded display names must be for a
 * registration to name the other as a possible duplicate (asked in memory,
 * similar-names.ts), and how many it names at most.
 */
export const DUPLICATE_NAME_SIMILARITY = 0.6;
export const POSSIBLE_DUPLICATES = 5;

/** Which creators a fan-out asks for: these ids, or a page of those a filter finds, in id order after `after`. */
export type CreatorSelection =
  | { creatorIds: string[] }
  | {
      filter: { topic?: string; language?: string; platform?: string; minFollowers?: number; region?: string };
      after?: string;
      limit: number;
    };

export interface HandleOwner {
  creatorId: string;
  displayName: string;
  kind: string;
  platform: string;
}

export interface ChannelOwner {
  platform: string;
  handle: string;
  creatorId: string;
  displayName: string;
}

/** The name words search knows ($1: a name's words), kept by each write of a name. */
const GROW_VOCABULARY_SQL = 'INSERT INTO search_vocabulary (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING';

const CHANNEL_OWNERS_SQL = `SELECT ch.platform, ch.handle, c.id AS "creatorId", c.display_name AS "displayName"
  FROM channels ch JOIN creators c ON c.id = ch.creator_id
  JOIN unnest($1::text[], $2::text[]) AS wanted(platform, handle) ON wanted.platform = ch.platform AND wanted.handle = ch.handle_normalized`;

function channelOwnersParams(channels: { platform: string; handleNormalized: string }[]): [string[], string[]] {
  return [channels.map((c) => c.platform), channels.map((c) => c.handleNormalized)];
}

/**
 * Creators in PostgreSQL. Every read takes the caller's visibility (a SQL
 * condition from `@concord/permissions`) first, so no query runs unscoped.
 */
export class CreatorRepository {
  constructor(private readonly dataSource: DataSource) {}

  private scoped(visibility: SqlCondition, manager?: EntityManager): SelectQueryBuilder<Creator> {
    return visibleTo(manager ?? this.dataSource.manager, Creator, 'c', visibility);
  }

  async findVisible(
    visibility: SqlCondition,
    id: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<Creator | null> {
    const qb = this.scoped(visibility, options.manager)
      .andWhere('c.id = :id', { id })
      .leftJoinAndSelect('c.channels', 'ch')
      .orderBy('ch.created_at', 'ASC')
      .addOrderBy('ch.id', 'ASC');
    if (options.lock) qb.setLock('pessimistic_write', undefined, ['c']);
    return qb.getOne();
  }

  /**
   * Each creator's name, status and version that changed since `since` (every creator's when it is null): what the
   * duplicate check keeps in memory (similar-names.ts). Not per agency: a name is a duplicate whoever registered the
   * other.
   *
   * "Since" is two bounds. `updated_at` after `since.micros − overlapMicros` (the index's range: a transaction that
   * commits late carries an older `updated_at`, the overlap covers it), and written (`xmin`) by a transaction not yet
   * finished when the last read took its snapshot (`since.horizon`, that snapshot's oldest running transaction): rows
   * written before that, which the last read saw, are not sent again, though the overlap takes them in.
   */
  async namesChangedSince(since: NamesWatermark | null, overlapMicros: number): Promise<NameChanges> {
    const rows: (NameChange & { horizon: string })[] = await this.dataSource.query(
      `SELECT h.horizon, c.id, c.display_name AS "displayName", c.status, c.version,
              (extract(epoch FROM c.updated_at) * 1000000)::bigint AS "changedAt"
         FROM (SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::numeric % 4294967296)::text AS horizon) h
         LEFT JOIN creators c
           ON $1::bigint IS NULL
           OR (c.updated_at > to_timestamp(($1::bigint - $2::bigint) / 1000000.0) AND age(c.xmin) <= age($3::xid))`,
      [since?.micros ?? null, overlapMicros, since?.horizon ?? null],
    );
    return {
      horizon: rows[0].horizon,
      changes: rows.filter((row) => row.id !== null).map(({ horizon: _, ...change }) => change),
    };
  }

  /** Which of these channels are registered already, and to whom. */
  async findChannelOwners(
    manager: EntityManager,
    channels: { platform: string; handleNormalized: string }[],
  ): Promise<ChannelOwner[]> {
    if (channels.length === 0) return [];
    return manager.query(CHANNEL_OWNERS_SQL, channelOwnersParams(channels));
  }

  /** Who owns a channel with this normalised handle, on any platform (one row per channel). */
  async findHandleOwners(visibility: SqlCondition, handleNormalized: string): Promise<HandleOwner[]> {
    // `platform = ANY(every platform)` lets the unique (platform, handle_normalized) index answer: one probe per platform.
    return this.scopedQuery(
      visibility,
      `SELECT c.id AS "creatorId", c.display_name AS "displayName", c.kind, ch.platform
         FROM channels ch JOIN creators c ON c.id = ch.creator_id
        WHERE ch.platform = ANY(:platforms::text[]) AND ch.handle_normalized = :handle AND ${visibility.sql}
        ORDER BY ch.created_at, ch.id`,
      { platforms: [...PLATFORMS], handle: handleNormalized },
    );
  }

  /**
   * Creators for a fan-out, in id order, each with the platforms they have
   * channels on: one query per page (keyset on the primary key; the
   * platforms from the `channels_creator` index), and with `count` on a
   * filter one more, run alongside, for the total.
   */
  async select(
    visibility: SqlCondition,
    selection: CreatorSelection,
    count: boolean,
  ): Promise<{ items: CreatorCandidate[]; total: number | null }> {
    const where = [visibility.sql];
    const params: Record<string, unknown> = {};
    if ('creatorIds' in selection) {
      where.push('c.id = ANY(:ids::uuid[])');
      params.ids = selection.creatorIds;
    } else {
      const f = selection.filter;
      if (f.topic) where.push('c.topics @> ARRAY[:topic]::text[]');
      if (f.language) where.push('c.languages @> ARRAY[:language]::text[]');
      if (f.region) where.push('c.regions @> ARRAY[:region]::text[]');
      if (f.platform || f.minFollowers !== undefined) {
        // One channel meets both: with a platform, minFollowers is on that platform's channel.
        const parts = ['ch.creator_id = c.id'];
        if (f.platform) parts.push('ch.platform = :platform');
        if (f.minFollowers !== undefined) parts.push('ch.followers >= :minFollowers');
        where.push(`EXISTS (SELECT 1 FROM channels ch WHERE ${parts.join(' AND ')})`);
      }
      Object.assign(params, {
        topic: f.topic,
        language: f.language,
        region: f.region,
        platform: f.platform,
        minFollowers: f.minFollowers,
      });
    }
    const matches = where.join(' AND ');
    // By id: every one asked for, no paging. By filter: keyset pages in id order.
    const page =
      'creatorIds' in selection
        ? { after: '', limit: '', params: {} }
        : {
            after: selection.after ? 'AND c.id > :after' : '',
            limit: 'LIMIT :limit',
            params: { after: selection.after, limit: selection.limit },
          };
    const items = this.scopedQuery<CreatorCandidate>(
      visibility,
      `SELECT c.id AS "creatorId", c.display_name AS "displayName", c.status, c.management_company_id AS "managementCompanyId",
              ARRAY(SELECT DISTINCT ch.platform FROM channels ch WHERE ch.creator_id = c.id ORDER BY 1) AS platforms
         FROM creators c
        WHERE ${matches} ${page.after}
        ORDER BY c.id
        ${page.limit}`,
      { ...params, ...page.params },
    );
    // Asked by id, every match is on the one page.
    if (!count || 'creatorIds' in selection) {
      const found = await items;
      return { items: found, total: count ? found.length : null };
    }
    const counted = this.scopedQuery<{ total: number }>(
      visibility,
      `SELECT count(*)::int AS total FROM creators c WHERE ${matches}`,
      params,
    );
    const [found, [{ total }]] = await Promise.all([items, counted]);
    return { items: found, total };
  }

  /** Runs SQL with TypeORM-style named parameters, the caller's visibility among them. */
  private async scopedQuery<T>(visibility: SqlCondition, sql: string, params: Record<string, unknown>): Promise<T[]> {
    if (!visibility?.sql) throw new Error('A creator query needs the caller visibility');
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, { ...params, ...visibility.params });
    return this.dataSource.query(text, values);
  }

  /**
   * The creator, its channels and its name words for search, each as
   * TypeORM would write it alone, as writes the command's transaction sends
   * at its end with its audit entry and event: one statement in all
   * (writeLater). The channels' foreign key is checked at the end of that
   * statement, when the creator is in; a taken channel fails it there.
   */
  async insert(manager: EntityManager, creator: Creator): Promise<void> {
    this.deriveSearchFields(creator);
    const { channels, ...row } = creator;
    await writeLater(manager, GROW_VOCABULARY_SQL, [nameWords(creator.displayName)]);
    await insertLater(manager, Creator, row as Creator);
    if (channels?.length) await insertLater(manager, Channel, channels);
  }

  async addChannel(manager: EntityManager, channel: Channel): Promise<void> {
    await manager.insert(Channel, channel);
  }

  async save(manager: EntityManager, creator: Creator): Promise<void> {
    await this.indexForSearch(manager, creator);
    const { channels: _channels, createdAt: _c, updatedAt: _u, id, ...changes } = creator;
    await manager.update(Creator, { id }, changes);
  }

  /** Derives what search reads from the name and handles, and grows the vocabulary of name words. */
  private async indexForSearch(manager: EntityManager, creator: Creator): Promise<void> {
    this.deriveSearchFields(creator);
    await manager.query(GROW_VOCABULARY_SQL, [nameWords(creator.displayName)]);
  }

  private deriveSearchFields(creator: Creator): void {
    const handles = (creator.channels ?? []).map((c) => c.handle);
    creator.displayNameFolded = foldText(creator.displayName);
    creator.searchText = creatorSearchText(creator.displayName, handles);
    creator.searchWords = creatorSearchWords(creator.displayName, handles);
  }

  /**
   * A page of creators. Without `q`, in creation order (UUIDv7 ids); with
   * `q`, best match first (word similarity of the folded query to folded
   * names and handles), then id. Cursors are opaque.
   */
  async search(
    visibility: SqlCondition,
    query: ListCreatorsQuery,
  ): Promise<{ items: Creator[]; nextCursor: string | null }> {
    const qb = this.scoped(visibility);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.updatedSince) qb.andWhere('c.updated_at >= :updatedSince', { updatedSince: query.updatedSince });
    if (query.topic) qb.andWhere('c.topics @> ARRAY[:topic]::text[]', { topic: query.topic });
    if (query.language) qb.andWhere('c.languages @> ARRAY[:language]::text[]', { language: query.language });
    if (query.platform || query.minFollowers !== undefined || query.verified !== undefined) {
      const parts = ['ch.creator_id = c.id'];
      if (query.platform) parts.push('ch.platform = :platform');
      if (query.minFollowers !== undefined) parts.push('ch.followers >= :minFollowers');
      if (query.verified !== undefined) parts.push('ch.verified = :verified');
      qb.andWhere(`EXISTS (SELECT 1 FROM channels ch WHERE ${parts.join(' AND ')})`, {
        platform: query.platform,
        minFollowers: query.minFollowers,
        verified: query.verified,
      });
    }
    const cursor = decodeSearchCursor(query.cursor);
    if (query.q) {
      const rank = '(public.word_similarity(:q, c.search_text) * 1000)::int';
      qb.select(SUMMARY_COLUMNS)
        .addSelect(rank, 'rank')
        .setParameter('q', foldText(query.q))
        .orderBy('rank', 'DESC')
        .addOrderBy('c.id', 'ASC');
      if (cursor?.rank !== undefined) {
        qb.andWhere(`(${rank} < :cr OR (${rank} = :cr AND c.id > :cid))`, { cr: cursor.rank, cid: cursor.id });
      }
      // The first way that finds anyone answers; later pages keep to the way of the first.
      for (const mode of cursor?.mode ? [cursor.mode] : SEARCH_MODES) {
        const found = await this.page(await this.matching(qb.clone(), mode, query.q), query.limit, mode);
        if (found.items.length > 0 || cursor || mode === 'trigram') return found;
      }
    }
    qb.select(SUMMARY_COLUMNS).orderBy('c.id', 'ASC');
    if (cursor) qb.andWhere('c.id > :cid', { cid: cursor.id });
    return this.page(qb, query.limit, null);
  }

  /**
   * How `q` matches, cheapest first: word by word, each word with a few
   * typos; the whole query as one word (a typo across a space, "gocb ep");
   * trigram similarity over names and handles.
   */
  private async matching(
    qb: SelectQueryBuilder<Creator>,
    mode: SearchMode,
    q: string,
  ): Promise<SelectQueryBuilder<Creator>> {
    if (mode === 'words') {
      const groups = await this.expandQueryWords(q);
      groups.forEach((alternatives, i) => qb.andWhere(`c.search_words && :w${i}::text[]`, { [`w${i}`]: alternatives }));
      return groups.length ? qb : qb.andWhere('1 = 0');
    }
    if (mode === 'joined') {
      const joined = queryWords(q).join('');
      return qb.andWhere('c.search_words && :joined::text[]', { joined: [joined, ...swappedLetters(joined)] });
    }
    return qb.andWhere(':q OPERATOR(public.<%) c.search_text');
  }

  /** For each query word, the words it may stand for: itself, name words within its typos, and its letter swaps. */
  private async expandQueryWords(q: string): Promise<string[][]> {
    const words = queryWords(q);
    if (words.length === 0) return [];
    const rows: { i: number; words: string[] }[] = await this.dataSource.query(
      `SELECT q.i::int AS i, array_agg(DISTINCT v.word) AS words
         FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS q(w, k, i)
         JOIN search_vocabulary v ON q.k > 0 AND public.levenshtein_less_equal(v.word, q.w, q.k) <= q.k
        GROUP BY q.i`,
      [words, words.map(allowedTypos)],
    );
    const near = new Map(rows.map((r) => [r.i, r.words]));
    return words.map((w, i) => [
      ...new Set([w, ...(near.get(i + 1) ?? []), ...(w.length > 3 ? swappedLetters(w) : [])]),
    ]);
  }

  private async page(qb: SelectQueryBuilder<Creator>, limit: number, mode: SearchMode | null) {
    qb.limit(limit + 1);
    const { entities, raw } = await qb.getRawAndEntities();
    const page = entities.slice(0, limit);
    await this.attachChannels(page);
    let nextCursor: string | null = null;
    if (entities.length > limit) {
      const last = page[page.length - 1];
      const lastRaw = raw[page.length - 1] as { rank?: number };
      nextCursor = encodeSearchCursor(mode ? { id: last.id, rank: Number(lastRaw.rank), mode } : { id: last.id });
    }
    return { items: page, nextCursor };
  }

  /** Pairs of visible creators with near-equal names, most similar first. */
  async duplicatePairs(visibility: SqlCondition, minSimilarity: number, limit: number, offset: number) {
    const params = { ...visibility.params, min: minSimilarity, limit: limit + 1, offset };
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT a.id AS "aId", a.display_name AS "aName", b.id AS "bId", b.display_name AS "bName",
              round(public.similarity(a.display_name_folded, b.display_name_folded)::numeric, 3)::float AS similarity
         FROM creators a
         JOIN creators b ON a.id < b.id AND a.display_name_folded OPERATOR(public.%) b.display_name_folded
        WHERE public.similarity(a.display_name_folded, b.display_name_folded) >= :min
          AND a.status <> 'offboarded' AND b.status <> 'offboarded'
          AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.a_id = a.id AND d.b_id = b.id)
          AND ${visibility.sql.replace(/\bc\./g, 'a.')} AND ${visibility.sql.replace(/\bc\./g, 'b.')}
        ORDER BY similarity DESC, a.id, b.id
        LIMIT :limit OFFSET :offset`,
      params,
    );
    // `%` at the threshold asked for (the connection's is the duplicate check's), for this transaction only.
    const rows: { aId: string; aName: string; bId: string; bName: string; similarity: number }[] =
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(minSimilarity)]);
        return manager.query(sql, values);
      });
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }

  /** Records that two creators are not duplicates; returns false if already recorded. */
  /** The dismissal recorded for a pair (`a` < `b`), whoever recorded it. */
  async findDismissal(
    manager: EntityManager,
    a: string,
    b: string,
  ): Promise<{ reason: string; dismissedBy: string; dismissedAt: Date } | null> {
    const [row] = await manager.query<{ reason: string; dismissed_by: string; dismissed_at: Date }[]>(
      'SELECT reason, dismissed_by, dismissed_at FROM duplicate_dismissals WHERE a_id = $1 AND b_id = $2',
      [a, b],
    );
    return row ? { reason: row.reason, dismissedBy: row.dismissed_by, dismissedAt: new Date(row.dismissed_at) } : null;
  }

  async dismissDuplicate(
    manager: EntityManager,
    a: string,
    b: string,
    reason: string,
    by: string,
  ): Promise<{ dismissedAt: Date } | null> {
    const [first, second] = a < b ? [a, b] : [b, a];
    const rows: { dismissed_at: Date }[] = await manager.query(
      `INSERT INTO duplicate_dismissals (a_id, b_id, reason, dismissed_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (a_id, b_id) DO NOTHING RETURNING dismissed_at`,
      [first, second, reason, by],
    );
    return rows[0] ? { dismissedAt: rows[0].dismissed_at } : null;
  }

  private async attachChannels(creators: Creator[]): Promise<void> {
    if (creators.length === 0) return;
    const channels = await this.dataSource.manager
      .getRepository(Channel)
      .createQueryBuilder('ch')
      .where('ch.creator_id = ANY(:ids)', { ids: creators.map((c) => c.id) })
      .orderBy('ch.created_at', 'ASC')
      .addOrderBy('ch.id', 'ASC')
      .getMany();
    const byCreator = new Map<string, Channel[]>();
    for (const ch of channels) byCreator.set(ch.creatorId, [...(byCreator.get(ch.creatorId) ?? []), ch]);
    for (const c of creators) c.channels = byCreator.get(c.id) ?? [];
  }
}

const SEARCH_MODES = ['words', 'joined', 'trigram'] as const;
type SearchMode = (typeof SEARCH_MODES)[number];

/** What a list shows of a creator (no personal data, no records). */
const SUMMARY_COLUMNS = [
  'c.id',
  'c.kind',
  'c.displayName',
  'c.status',
  'c.topics',
  'c.languages',
  'c.regions',
  'c.totalFollowers',
];

interface Cursor {
  id: string;
  rank?: number;
  mode?: SearchMode;
}

/** A search position as JSON inside the shared opaque cursor. */
export function encodeSearchCursor(cursor: Cursor): string {
  return encodeCursor(JSON.stringify(cursor));
}

function decodeSearchCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  return JSON.parse(
    decodeCursor(value, /^\{"id":"[0-9a-f-]{36}"(,"rank":\d+)?(,"mode":"(words|joined|trigram)")?\}$/),
  ) as Cursor;
}
