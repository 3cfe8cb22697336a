import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { foldText, SUBJECTS } from '@concord/domain';
import { actors, registration, startTestRegistry, type TestRegistry } from '../test/registry.test-helpers';
import { DUPLICATE_NAME_SIMILARITY, POSSIBLE_DUPLICATES } from './creator.repository';
import { CreatorRepository } from './creator.repository';
import { SimilarNames } from './similar-names';

const S = SUBJECTS.registry;

/** Names made of a few common words, as Vietnamese creators' names are: many near-equal pairs, many ties. */
function names(count: number, seed: number): string[] {
  const words = [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Minh',
    'Anh',
    'Lan',
    'Hải',
    'Đăng',
    'Thảo',
    'Vinh',
    'Bếp',
    'Nhà',
    'Phố',
    'Cổ',
    'Du',
    'Lịch',
    'Ký',
    'Vlog',
    'Travel',
    'Ẩm',
    'Thực',
    'Sài',
    'Gòn',
    'Hà',
    'Nội',
    '5',
    'Phút',
    'Cùng',
  ];
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 2 + (next() % 3) }, () => words[next() % words.length]).join(' '),
  );
}

async function insertCreators(
  r: TestRegistry,
  displayNames: string[],
  status = 'prospect',
  db: Pick<TestRegistry['db'], 'query'> = r.db,
): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO creators (id, kind, display_name, display_name_folded, search_text, status, version, topics, languages, regions,
       vetting, training, incidents, status_history, total_followers)
     SELECT gen_random_uuid(), 'individual', name, folded, folded, $3, 1, '{}', '{}', '{}', '[]', '[]', '[]', '[]', 0
       FROM unnest($1::text[], $2::text[]) AS n(name, folded)
     RETURNING id`,
    [displayNames, displayNames.map(foldText), status],
  );
  return rows.map((row) => row.id);
}

describe('the duplicate check in memory (ADR 0017)', () => {
  let r: TestRegistry;

  // Every test sees the same registry of 3,000 names and 200 offboarded ones, whichever runs first.
  beforeAll(async () => {
    r = await startTestRegistry();
    await insertCreators(r, names(3000, 7));
    await insertCreators(r, names(200, 11), 'offboarded');
  });
  afterAll(async () => {
    await r.stop();
  });

  it('finds exactly what pg_trgm finds in SQL, in the same order, with the same similarities', async () => {
    const memory = new SimilarNames(new CreatorRepository(r.db));
    await memory.refresh();
    let named = 0;
    for (const probe of names(300, 13)) {
      const folded = foldText(probe);
      const inSql = await r.db.transaction(async (manager) => {
        await manager.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
          String(DUPLICATE_NAME_SIMILARITY),
        ]);
        return manager.query(
          `SELECT id, display_name AS "displayName", round(similarity(display_name_folded, $1)::numeric, 3)::float AS similarity
             FROM creators WHERE display_name_folded % $1 AND status <> 'offboarded'
            ORDER BY similarity DESC, id LIMIT $2`,
          [folded, POSSIBLE_DUPLICATES],
        );
      });
      expect({
        probe,
        found: await memory.similarTo(folded, { threshold: DUPLICATE_NAME_SIMILARITY, limit: POSSIBLE_DUPLICATES }),
      }).toEqual({ probe, found: inSql });
      named += inSql.length;
    }
    // The probes are near-equal to many names: the comparison covered real answers, not empty lists.
    expect(named).toBeGreaterThan(300);
  });

  it("sees another instance's registrations, renames and offboardings after its next refresh", async () => {
    const other = new SimilarNames(new CreatorRepository(r.db));
    await other.refresh();
    const ask = (name: string) => other.similarTo(foldText(name), { threshold: DUPLICATE_NAME_SIMILARITY, limit: 50 });

    const created = await r.client.request(
      S.creatorCreate,
      { input: registration({ displayName: 'Kênh Gốm Bát Tràng Xưa' }) },
      actors.registrar,
    );
    expect((await ask('Kenh Gom Bat Trang Xua')).map((f) => f.id)).not.toContain(created.id);
    await other.refresh();
    expect((await ask('Kenh Gom Bat Trang Xua')).map((f) => f.id)).toContain(created.id);

    const renamed = await r.client.request(
      S.creatorUpdate,
      { id: created.id, expectedVersion: created.version, changes: { displayName: 'Làng Lụa Vạn Phúc Hôm Nay' } },
      actors.registrar,
    );
    await other.refresh();
    expect((await ask('Kenh Gom Bat Trang Xua')).map((f) => f.id)).not.toContain(created.id);
    expect((await ask('Lang Lua Van Phuc Hom Nay')).map((f) => f.id)).toContain(created.id);

    await r.client.request(
      S.creatorChangeStatus,
      { id: created.id, input: { to: 'offboarded', reason: 'left the programme' } },
      actors.registrar,
    );
    await other.refresh();
    expect((await ask('Lang Lua Van Phuc Hom Nay')).map((f) => f.id)).not.toContain(created.id);
    expect(renamed.version).toBeGreaterThan(created.version);
  });

  it('reads again only what changed since its last read, including what a transaction begun before it commits late', async () => {
    const repository = new CreatorRepository(r.db);
    const reads: string[][] = [];
    const memory = new SimilarNames({
      namesChangedSince: async (since, overlapMicros) => {
        const read = await repository.namesChangedSince(since, overlapMicros);
        reads.push(read.changes.map((change) => change.displayName));
        return read;
      },
    });
    const ask = (name: string) => memory.similarTo(foldText(name), { threshold: DUPLICATE_NAME_SIMILARITY, limit: 50 });
    await memory.refresh();
    expect(reads[0].length).toBeGreaterThan(3000);
    await memory.refresh();
    expect(reads[1]).toEqual([]);

    const late = r.db.createQueryRunner();
    await late.connect();
    try {
      await late.startTransaction();
      const [lateId] = await insertCreators(r, ['Làng Gốm Phù Lãng Mùa Thu'], 'prospect', late);
      const [onTime] = await insertCreators(r, ['Bánh Chưng Tết Nhà Làm']);
      await memory.refresh();
      expect(reads[2]).toEqual(['Bánh Chưng Tết Nhà Làm']);
      expect((await ask('Banh Chung Tet Nha Lam')).map((f) => f.id)).toEqual([onTime]);
      await late.commitTransaction();
      await memory.refresh();
      expect(reads[3]).toContain('Làng Gốm Phù Lãng Mùa Thu');
      expect((await ask('Lang Gom Phu Lang Mua Thu')).map((f) => f.id)).toEqual([lateId]);
      await memory.refresh();
      expect(reads[4]).toEqual([]);
    } finally {
      await late.release();
    }
  });

  it('keeps a newer version it holds when a refresh reads an older one', async () => {
    const [id] = await insertCreators(r, ['Đà Lạt Mộng Mơ Cùng Tôi']);
    const memory = new SimilarNames(new CreatorRepository(r.db));
    memory.apply({ id, displayName: 'Chợ Nổi Cái Răng Sáng Sớm', status: 'prospect', version: 5 });
    await memory.refresh();
    const ask = (name: string) => memory.similarTo(foldText(name), { threshold: DUPLICATE_NAME_SIMILARITY, limit: 50 });
    expect((await ask('Cho Noi Cai Rang Sang Som')).map((f) => f.id)).toContain(id);
    expect((await ask('Da Lat Mong Mo Cung Toi')).map((f) => f.id)).not.toContain(id);
  });

  it("names, on registration, a creator another instance registered once the registry's names have refreshed", async () => {
    const [elsewhere] = await insertCreators(r, ['Hương Vị Miền Tây Sông Nước']);
    await r.app.get(SimilarNames).refresh();
    const created = await r.client.request(
      S.creatorCreate,
      { input: registration({ displayName: 'Huong Vi Mien Tay Song Nuoc' }) },
      actors.registrar,
    );
    expect(created.possibleDuplicates).toEqual([
      { id: elsewhere, displayName: 'Hương Vị Miền Tây Sông Nước', similarity: 1 },
    ]);
  });
});
