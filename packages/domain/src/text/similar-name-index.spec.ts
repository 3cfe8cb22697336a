import { describe, expect, it } from '@jest/globals';
import { SimilarNameIndex } from './similar-name-index';
import { roundSimilarity, trigramSimilarity, trigramsOf } from './trigrams';
import { foldText } from './fold';

// What PostgreSQL 17's pg_trgm answered for these (show_trgm, similarity): the in-memory index must agree with SQL.
describe('trigrams as pg_trgm takes them', () => {
  it.each([
    ['a', ['  a', ' a ']],
    ['ab c', ['  a', '  c', ' ab', ' c ', 'ab ']],
    ['x_y.z-w@q', ['  q', '  w', '  x', '  y', '  z', ' q ', ' w ', ' x ', ' y ', ' z ']],
    ['a1 22', ['  2', '  a', ' 22', ' a1', '22 ', 'a1 ']],
    ['hello hello', ['  h', ' he', 'ell', 'hel', 'llo', 'lo ']],
    ['', []],
    ['  ', []],
  ])('%j', (text, expected) => {
    expect(trigramsOf(text).sort()).toEqual([...expected].sort());
  });

  it('keeps letters of any script as word characters (4 trigrams from "北京", as PostgreSQL counts them)', () => {
    expect(trigramsOf('北京 abc')).toHaveLength(7);
  });

  it('computes similarity as shared over all, a 4-byte float as SQL returns it', () => {
    expect(trigramSimilarity('a', 'abc')).toBe(Math.fround(0.2));
    expect(trigramSimilarity('ab c', 'abc')).toBe(Math.fround(0.2857143));
    expect(trigramSimilarity('a1 22', 'abc')).toBe(Math.fround(0.11111111));
    expect(trigramSimilarity('', 'abc')).toBe(0);
  });

  it('rounds as round(x::numeric, 3) does: half away from zero on the decimal value', () => {
    expect(roundSimilarity(Math.fround(0.1235))).toBe(0.124);
    expect(roundSimilarity(Math.fround(13 / 16))).toBe(0.813);
    expect(roundSimilarity(Math.fround(2 / 3))).toBe(0.667);
    expect(roundSimilarity(1)).toBe(1);
  });
});

describe('SimilarNameIndex', () => {
  const query = { threshold: 0.6, limit: 5 };
  const put = (index: SimilarNameIndex, id: string, name: string) => index.put(id, name, foldText(name));

  it('finds the names at least as similar as the threshold, most similar first, then by id', () => {
    const index = new SimilarNameIndex();
    put(index, 'c', 'Lan Anh Travel');
    put(index, 'b', 'Lan Anh Travels');
    put(index, 'a', 'Lan Anh Travel');
    put(index, 'd', 'Quang Linh Vlogs');
    const found = index.similarTo(foldText('Lan Anh Travel'), query);
    expect(found.map((f) => f.id)).toEqual(['a', 'c', 'b']);
    expect(found[0]).toEqual({ id: 'a', displayName: 'Lan Anh Travel', similarity: 1 });
    expect(found[2].similarity).toBe(
      roundSimilarity(trigramSimilarity(foldText('Lan Anh Travel'), foldText('Lan Anh Travels'))),
    );
    expect(index.similarTo(foldText('Bếp Nhà Hải Đăng'), query)).toEqual([]);
  });

  it('leaves out the excluded id and stops at the limit', () => {
    const index = new SimilarNameIndex();
    for (let i = 0; i < 10; i += 1) put(index, `id-${i}`, 'Hải Đăng Sử Ký');
    expect(
      index.similarTo(foldText('Hải Đăng Sử Ký'), { ...query, limit: 3, excludeId: 'id-0' }).map((f) => f.id),
    ).toEqual(['id-1', 'id-2', 'id-3']);
  });

  it('answers a limit with the first names of the whole answer, however the names arrived', () => {
    const index = new SimilarNameIndex();
    const variants = ['Lan Anh Travel', 'Lan Anh Travels', 'Lan Anh Travel Vlog', 'Lan Anh Travel 2', 'Lan Anh'];
    for (let i = 0; i < 60; i += 1) put(index, `id-${String((i * 37) % 60).padStart(2, '0')}`, variants[i % 5]);
    const whole = index.similarTo(foldText('Lan Anh Travel'), { threshold: 0.6, limit: 1000 });
    expect(whole.length).toBeGreaterThan(12);
    for (const limit of [0, 1, 5, 12]) {
      expect(index.similarTo(foldText('Lan Anh Travel'), { threshold: 0.6, limit })).toEqual(whole.slice(0, limit));
    }
  });

  it('follows a rename and forgets a removed name', () => {
    const index = new SimilarNameIndex();
    put(index, 'a', 'Phố Cổ Cùng Đức Vinh');
    put(index, 'a', 'Bếp Nhà Hải Đăng');
    expect(index.similarTo(foldText('Phố Cổ Cùng Đức Vinh'), query)).toEqual([]);
    expect(index.similarTo(foldText('Bếp Nhà Hải Đăng'), query).map((f) => f.displayName)).toEqual([
      'Bếp Nhà Hải Đăng',
    ]);
    index.remove('a');
    expect(index.similarTo(foldText('Bếp Nhà Hải Đăng'), query)).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('answers the same after compacting away thousands of changed names', () => {
    const index = new SimilarNameIndex();
    for (let i = 0; i < 3000; i += 1) put(index, `id-${String(i).padStart(4, '0')}`, `Old Name ${i}`);
    for (let i = 0; i < 3000; i += 1) put(index, `id-${String(i).padStart(4, '0')}`, `Creator ${i % 7} Travel`);
    for (let i = 0; i < 3000; i += 2) put(index, `id-${String(i).padStart(4, '0')}`, `Creator ${i % 7} Kitchen`);
    expect(index.size).toBe(3000);
    const travel = index.similarTo(foldText('Creator 3 Travel'), { threshold: 0.6, limit: 10_000 });
    expect(travel.length).toBeGreaterThan(0);
    expect(travel.every((f) => f.displayName.endsWith('Travel') && Number(f.id.slice(3)) % 2 === 1)).toBe(true);
    expect(index.similarTo(foldText('Creator 3 Kitchen'), { threshold: 0.99, limit: 10_000 })).toHaveLength(
      [...Array(3000).keys()].filter((i) => i % 2 === 0 && i % 7 === 3).length,
    );
  });
});
