import { describe, expect, it } from '@jest/globals';
import { allowedTypos, creatorSearchWords, nameWords, queryWords, swappedLetters } from './search-words';

describe('search words', () => {
  it('folds a name into its words', () => {
    expect(nameWords('Nguyễn Thị Hồng Nhung')).toEqual(['nguyen', 'thi', 'hong', 'nhung']);
    expect(nameWords('Ký Sự Điện Biên Phủ!')).toEqual(['ky', 'su', 'dien', 'bien', 'phu']);
  });

  it('finds a creator by name words, the joined name and handles whole or in parts', () => {
    expect(creatorSearchWords('Quang Linh Vlogs', ['@QuangLinh.Official', 'qlv_2024'])).toEqual([
      'quang',
      'linh',
      'vlogs',
      'quanglinhvlogs',
      'quanglinh.official',
      'quanglinh',
      'official',
      'qlv_2024',
      'qlv',
      '2024',
    ]);
  });

  it('takes at most eight distinct query words', () => {
    expect(queryWords('Lan  anh lan ANH')).toEqual(['lan', 'anh']);
    expect(queryWords('a b c d e f g h i j')).toHaveLength(8);
  });

  it.each([
    ['pa', 0],
    ['thi', 1],
    ['nguyen', 1],
    ['phuongg', 2],
  ])('allows %s %i typos', (word, typos) => {
    expect(allowedTypos(word)).toBe(typos);
  });

  it('lists every swap of neighbouring letters, so "lihn" can stand for "linh"', () => {
    expect(swappedLetters('lihn')).toEqual(['ilhn', 'lhin', 'linh']);
    expect(swappedLetters('aab')).toEqual(['aba']);
    expect(swappedLetters('a')).toEqual([]);
  });
});
