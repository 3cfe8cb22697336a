import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SAMPLE_WORDS } from '../text/sample-words.test-helpers';
import {
  blockingChecks,
  characterCount,
  CHECKS,
  containsFolded,
  hashtagsOf,
  PLATFORM_LIMITS,
  runChecks,
  type CheckContext,
  type CheckName,
  type CheckResult,
  type ContentToCheck,
  type MediaReference,
} from './content-checks';

const LABEL = '#HợpTác cùng Cục TTCS&TTĐN';
const SHA = 'a'.repeat(64);

const context = (over: Partial<CheckContext> = {}): CheckContext => ({
  disclosureLabel: LABEL,
  requiredHashtags: [],
  keyMessages: [],
  ...over,
});
const content = (text: string, over: Partial<ContentToCheck> = {}): ContentToCheck => ({
  platform: 'tiktok',
  title: null,
  text,
  media: [],
  ...over,
});
const check = (name: CheckName, c: ContentToCheck, ctx: CheckContext = context()): CheckResult => {
  const found = runChecks(c, ctx).find((r) => r.check === name);
  if (!found) throw new Error(`runChecks gave no ${name} result`);
  return found;
};
const media = (url: string, sha256: string): MediaReference => ({
  url,
  mimeType: 'video/mp4',
  sizeBytes: 10_000_000,
  sha256,
});

describe('runChecks', () => {
  it('reports every check, in the order people read them', () => {
    expect(runChecks(content(`Chào cả nhà ${LABEL}`), context()).map((r) => r.check)).toEqual([...CHECKS]);
  });

  it('names each finding with a code and the values it is about, so a portal can word it in any language', () => {
    const failing = runChecks(
      content('x'.repeat(281), { platform: 'x', media: [media('https://cdn.example.vn/a.mp4', 'nope')] }),
      context({ requiredHashtags: ['#CôngƯớcHàNội', '#VN'], keyMessages: ['Việt Nam là nước chủ nhà'] }),
    );
    expect(
      failing.map(({ check, passed, finding, values, overruns }) => ({ check, passed, finding, values, overruns })),
    ).toEqual([
      { check: 'disclosure_label', passed: false, finding: 'label_missing', values: [LABEL], overruns: undefined },
      {
        check: 'required_hashtags',
        passed: false,
        finding: 'hashtags_missing',
        values: ['#CôngƯớcHàNội', '#VN'],
        overruns: undefined,
      },
      {
        check: 'key_messages',
        passed: false,
        finding: 'messages_missing',
        values: ['Việt Nam là nước chủ nhà'],
        overruns: undefined,
      },
      {
        check: 'platform_limits',
        passed: false,
        finding: 'too_long',
        values: [],
        overruns: [{ part: 'caption', length: 281, limit: 280 }],
      },
      {
        check: 'media_checksums',
        passed: false,
        finding: 'checksums_missing',
        values: ['https://cdn.example.vn/a.mp4'],
        overruns: undefined,
      },
    ]);
    const passing = runChecks(
      content(`${LABEL} #VN Việt Nam là nước chủ nhà`, { media: [media('https://cdn.example.vn/a.mp4', SHA)] }),
      context({ requiredHashtags: ['#VN'], keyMessages: ['Việt Nam là nước chủ nhà'] }),
    );
    expect(passing.map((r) => [r.finding, r.values])).toEqual([
      ['label_present', [LABEL]],
      ['hashtags_present', ['#VN']],
      ['messages_present', []],
      ['within_limits', []],
      ['checksums_present', []],
    ]);
    expect(runChecks(content('Chào'), context({ disclosureLabel: null })).map((r) => r.finding)).toEqual([
      'label_unknown',
      'hashtags_none',
      'messages_present',
      'within_limits',
      'no_media',
    ]);
  });
});

describe('disclosure label "#HợpTác cùng Cục TTCS&TTĐN"', () => {
  it.each([
    { name: 'as written', text: `Cùng xem lễ thượng cờ sáng nay! ${LABEL}` },
    { name: 'without diacritics', text: 'Cung xem le thuong co sang nay! #HopTac cung Cuc TTCS&TTDN' },
    { name: 'in capitals', text: 'CÙNG XEM LỄ THƯỢNG CỜ #HỢPTÁC CÙNG CỤC TTCS&TTĐN' },
    { name: 'in lower case without diacritics', text: 'cung xem le thuong co #hoptac cung cuc ttcs&ttdn' },
    { name: 'in decomposed (NFD) Unicode', text: `Cùng xem lễ thượng cờ ${LABEL}`.normalize('NFD') },
    { name: 'on its own line between hashtags', text: `Lễ thượng cờ 🇻🇳\n${LABEL}\n#HướngVềLáCờTổQuốc` },
    { name: 'with spaces doubled', text: '#HợpTác  cùng   Cục TTCS&TTĐN' },
    { name: 'at the end of a sentence', text: `Video này được thực hiện ${LABEL}. Cảm ơn cả nhà!` },
  ])('is found $name', ({ text }) => {
    const result = check('disclosure_label', content(text));
    expect(result.passed).toBe(true);
    expect(result.detail).toContain(LABEL);
  });

  it('is found in the title when the caption lacks it', () => {
    expect(
      check('disclosure_label', content('Lễ thượng cờ', { platform: 'youtube', title: `Thượng cờ ${LABEL}` })).passed,
    ).toBe(true);
  });

  it.each([
    { name: 'only the hashtag', text: 'Lễ thượng cờ #HợpTác' },
    { name: 'the label without its agency', text: 'Lễ thượng cờ #HợpTác cùng Cục' },
    { name: 'the label without TTĐN', text: 'Lễ thượng cờ #HợpTác cùng Cục TTCS' },
    { name: 'the label without #HợpTác', text: 'Lễ thượng cờ cùng Cục TTCS&TTĐN' },
    { name: 'the label’s words out of order', text: 'Lễ thượng cờ cùng Cục TTCS&TTĐN #HợpTác' },
    { name: 'the label’s first word run into another', text: 'Lễ thượng cờ #HợpTácXã cùng Cục TTCS&TTĐN' },
    { name: 'nothing of it', text: 'Lễ thượng cờ sáng nay tại Quảng trường Ba Đình' },
  ])('is missing when the text has $name, and the detail names it', ({ text }) => {
    const result = check('disclosure_label', content(text));
    expect(result.passed).toBe(false);
    expect(result.detail).toContain(LABEL);
    expect(result.detail).toMatch(/missing/i);
  });

  it('fails when no label is known for the agreement, whatever the text says', () => {
    const result = check('disclosure_label', content(`Lễ thượng cờ ${LABEL}`), context({ disclosureLabel: null }));
    expect(result.passed).toBe(false);
    expect(result.detail).toMatch(/no disclosure label/i);
  });
});

describe('required hashtags', () => {
  it.each([
    { required: '#HướngVềLáCờTổQuốc', text: 'Tự hào #huongvelacotoquoc' },
    { required: '#HướngVềLáCờTổQuốc', text: 'Tự hào #HUONGVELACOTOQUOC' },
    { required: '#HướngVềLáCờTổQuốc', text: 'Tự hào #HướngVềLáCờTổQuốc' },
    { required: '#HướngVềLáCờTổQuốc', text: 'Tự hào #HướngVềLáCờTổQuốc'.normalize('NFD') },
    { required: '#HướngVềLáCờTổQuốc', text: 'Tự hào #HướngVềLáCờTổQuốc! Còn bạn?' },
    { required: '#huongvelacotoquoc', text: 'Tự hào #HướngVềLáCờTổQuốc' },
    { required: '#ĐiệnBiênPhủ70Năm', text: 'Kỷ niệm #dienbienphu70nam' },
    { required: '#Đoàn_Kết', text: '#đoàn_kết là sức mạnh' },
  ])('$required is found in "$text"', ({ required, text }) => {
    const result = check('required_hashtags', content(text), context({ requiredHashtags: [required] }));
    expect(result.passed).toBe(true);
    expect(result.detail).toContain(required);
  });

  it.each([
    { name: 'only a longer hashtag starting with it', required: '#CongUoc', text: 'Sự kiện #CongUocHaNoi' },
    { name: 'only a shorter hashtag it starts with', required: '#CongUocHaNoi', text: 'Sự kiện #CongUoc' },
    { name: 'the words but not as a hashtag', required: '#HướngVềLáCờTổQuốc', text: 'Hướng về lá cờ Tổ quốc' },
    { name: 'the word written without #', required: '#HướngVềLáCờTổQuốc', text: 'HướngVềLáCờTổQuốc' },
    { name: 'the hashtag split by a space', required: '#HướngVềLáCờTổQuốc', text: '#HướngVề LáCờTổQuốc' },
    { name: 'a hashtag with different letters', required: '#HàNội', text: '#HảiPhòng' },
  ])('$required is missing when the text has $name, and the detail names it', ({ required, text }) => {
    const result = check('required_hashtags', content(text), context({ requiredHashtags: [required] }));
    expect(result.passed).toBe(false);
    expect(result.detail).toContain(required);
  });

  it('names only the missing hashtags when some are there', () => {
    const result = check(
      'required_hashtags',
      content('Tự hào #HuongVeLaCoToQuoc'),
      context({ requiredHashtags: ['#HướngVềLáCờTổQuốc', '#CôngƯớcHàNội'] }),
    );
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('#CôngƯớcHàNội');
    expect(result.detail).not.toContain('#HướngVềLáCờTổQuốc');
  });

  it('finds hashtags in the title too', () => {
    const result = check(
      'required_hashtags',
      content('Lễ thượng cờ', { platform: 'youtube', title: 'Thượng cờ #HướngVềLáCờTổQuốc' }),
      context({ requiredHashtags: ['#HuongVeLaCoToQuoc'] }),
    );
    expect(result.passed).toBe(true);
  });

  it('passes when none are required', () => {
    expect(check('required_hashtags', content('Không có hashtag'), context())).toMatchObject({
      passed: true,
      detail: 'No hashtags required',
    });
  });

  it('reads hashtags folded, whole, and each once', () => {
    expect(hashtagsOf('Xem #HướngVềLáCờ và #Đoàn_Kết, #2024! #đoànkết #HƯỚNGVỀLÁCỜ email@x.vn')).toEqual(
      new Set(['#huongvelaco', '#doan_ket', '#2024', '#doanket']),
    );
  });
});

describe('key messages', () => {
  const MESSAGE = 'Việt Nam là nước chủ nhà';

  it.each([
    { name: 'without diacritics, between ellipses', text: 'Năm nay…viet nam la nuoc chu nha…của hội nghị' },
    { name: 'in capitals', text: 'NĂM NAY VIỆT NAM LÀ NƯỚC CHỦ NHÀ CỦA HỘI NGHỊ' },
    { name: 'as written', text: `Năm nay ${MESSAGE} của hội nghị` },
    { name: 'in decomposed (NFD) Unicode', text: `Năm nay ${MESSAGE} của hội nghị`.normalize('NFD') },
    { name: 'broken over two lines', text: 'Năm nay Việt Nam là\nnước chủ nhà của hội nghị' },
    { name: 'followed by a comma', text: `${MESSAGE}, chào đón bạn bè quốc tế` },
    { name: 'in quotes', text: `Thông điệp: "${MESSAGE}"` },
    { name: 'at the end of a sentence', text: `Năm 2025, ${MESSAGE}. Hẹn gặp lại!` },
    { name: 'as the last words of the caption, with a full stop', text: `Năm 2025, ${MESSAGE}.` },
  ])('"Việt Nam là nước chủ nhà" is found $name', ({ text }) => {
    const result = check('key_messages', content(text), context({ keyMessages: [MESSAGE] }));
    expect(result.passed).toBe(true);
  });

  it.each([
    { name: 'with a word in between', text: 'Việt Nam là một nước chủ nhà' },
    { name: 'with only some of its words', text: 'Việt Nam chào đón bạn bè' },
    { name: 'run into a longer word', text: 'Việt Nam là nước chủ nhàxyz' },
    { name: 'not at all', text: 'Hội nghị khai mạc sáng nay' },
  ])('"Việt Nam là nước chủ nhà" is missing $name, and the detail quotes it', ({ text }) => {
    const result = check('key_messages', content(text), context({ keyMessages: [MESSAGE] }));
    expect(result.passed).toBe(false);
    expect(result.detail).toContain(`"${MESSAGE}"`);
  });

  it('names only the missing messages', () => {
    const result = check(
      'key_messages',
      content('Việt Nam là nước chủ nhà của hội nghị'),
      context({ keyMessages: [MESSAGE, 'An toàn không gian mạng'] }),
    );
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('"An toàn không gian mạng"');
    expect(result.detail).not.toContain(MESSAGE);
  });

  it('passes with no key messages', () => {
    expect(check('key_messages', content('Bất kỳ'), context()).passed).toBe(true);
  });

  it.each([
    { haystack: '…việt nam…', needle: 'Viet Nam', found: true },
    { haystack: 'Thủ đô Hà Nội', needle: 'ha noi', found: true },
    { haystack: 'Đà Nẵng', needle: 'da nang', found: true },
    { haystack: 'Sông Hồng', needle: 'SÔNG HỒNG', found: true },
    { haystack: 'namsach', needle: 'nam', found: false },
    { haystack: 'Việt Nam', needle: 'nam', found: true },
    { haystack: 'Nam Định', needle: 'nam', found: true },
    { haystack: 'Hà Nội', needle: 'Hà Nội mới', found: false },
    { haystack: 'anything', needle: '', found: true },
  ])('containsFolded("$haystack", "$needle") is $found', ({ haystack, needle, found }) => {
    expect(containsFolded(haystack, needle)).toBe(found);
  });

  it('finds any run of words of a text in that text, whatever the case and accents (property)', () => {
    const word = fc.constantFrom(...SAMPLE_WORDS, 'Tổ', 'quốc', '2025');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (words, a, b) => {
        const start = a % words.length;
        const end = start + 1 + (b % (words.length - start));
        const needle = words.slice(start, end).join(' ');
        expect(containsFolded(words.join(' '), needle)).toBe(true);
        expect(
          containsFolded(words.join(' ').toUpperCase(), needle.normalize('NFD').replace(/\p{Diacritic}/gu, '')),
        ).toBe(true);
      }),
    );
  });
});

describe('platform limits', () => {
  const FLAG = '🇻🇳';
  const THUMB = '👍🏽';
  const FAMILY = '👨‍👩‍👧';
  const NFD_LETTER = 'ệ'.normalize('NFD');

  it.each([
    { name: 'Vietnamese flags', unit: FLAG },
    { name: 'thumbs up with a skin tone', unit: THUMB },
    { name: 'families joined with ZWJ', unit: FAMILY },
    { name: 'decomposed (NFD) ệ', unit: NFD_LETTER },
    { name: 'ASCII letters', unit: 'a' },
  ])('X: a caption of 280 $name passes, 281 fails', ({ unit }) => {
    expect(check('platform_limits', content(unit.repeat(280), { platform: 'x' })).passed).toBe(true);
    const over = check('platform_limits', content(unit.repeat(281), { platform: 'x' }));
    expect(over.passed).toBe(false);
    expect(over.detail).toContain('281/280');
  });

  it.each([
    { text: 'Việt Nam', count: 8 },
    { text: 'Việt Nam'.normalize('NFD'), count: 8 },
    { text: 'Tổ quốc'.normalize('NFD'), count: 7 },
    { text: `${FLAG}${THUMB}${FAMILY}`, count: 3 },
    { text: `Hà Nội ${FLAG}`, count: 8 },
    { text: '', count: 0 },
  ])('characterCount("$text") is $count', ({ text, count }) => {
    expect(characterCount(text)).toBe(count);
  });

  it('counts what a person sees: one per letter with its accents or emoji with its modifiers (property)', () => {
    const grapheme = fc.constantFrom(
      'a',
      'Đ',
      'ệ',
      'ệ'.normalize('NFD'),
      'ữ'.normalize('NFD'),
      'Ỹ',
      FLAG,
      '🇯🇵',
      THUMB,
      FAMILY,
      '❤️',
      ' ',
      '#',
      '1',
    );
    fc.assert(
      fc.property(fc.array(grapheme, { maxLength: 400 }), (graphemes) => {
        const text = graphemes.join('');
        expect(characterCount(text)).toBe(graphemes.length);
        const result = check('platform_limits', content(text, { platform: 'x' }));
        expect(result.passed).toBe(graphemes.length <= 280);
      }),
    );
  });

  it.each([
    { platform: 'youtube', field: 'title' as const, limit: 100 },
    { platform: 'youtube', field: 'caption' as const, limit: 5000 },
    { platform: 'tiktok', field: 'caption' as const, limit: 2200 },
    { platform: 'instagram', field: 'caption' as const, limit: 2200 },
    { platform: 'zalo', field: 'caption' as const, limit: 2000 },
  ])(
    '$platform: a $field of $limit characters passes, one more fails and says by how much',
    ({ platform, field, limit }) => {
      expect(PLATFORM_LIMITS[platform][field]).toBe(limit);
      const make = (n: number) => 'ệ'.repeat(n - 1) + FLAG;
      const at =
        field === 'title' ? content('Mô tả', { platform, title: make(limit) }) : content(make(limit), { platform });
      const over =
        field === 'title'
          ? content('Mô tả', { platform, title: make(limit + 1) })
          : content(make(limit + 1), { platform });
      expect(check('platform_limits', at).passed).toBe(true);
      const failed = check('platform_limits', over);
      expect(failed.passed).toBe(false);
      expect(failed.detail).toContain(`${field} ${limit + 1}/${limit}`);
      expect(failed.detail).toContain(platform);
    },
  );

  it('counts a YouTube title and description each against its own limit', () => {
    expect(
      check('platform_limits', content('d'.repeat(5000), { platform: 'youtube', title: 't'.repeat(100) })).passed,
    ).toBe(true);
    const both = check('platform_limits', content('d'.repeat(5001), { platform: 'youtube', title: 't'.repeat(101) }));
    expect(both.passed).toBe(false);
    expect(both.detail).toContain('caption 5001/5000');
    expect(both.detail).toContain('title 101/100');
  });

  it('lets a long caption through on a platform with no known limit', () => {
    expect(check('platform_limits', content('a'.repeat(10_000), { platform: 'unknown-platform' })).passed).toBe(true);
  });
});

describe('media checksums', () => {
  it('passes with no media, saying so', () => {
    expect(check('media_checksums', content('Chỉ có chữ'))).toEqual({
      check: 'media_checksums',
      passed: true,
      finding: 'no_media',
      values: [],
      detail: 'No media listed',
    });
  });

  it('passes when every file has a sha256', () => {
    const result = check(
      'media_checksums',
      content('Video', {
        media: [media('https://cdn.example.vn/a.mp4', SHA), media('https://cdn.example.vn/b.jpg', 'f0'.repeat(32))],
      }),
    );
    expect(result.passed).toBe(true);
    expect(result.detail).toContain('2');
  });

  it.each([
    { name: 'too short', sha256: 'abc' },
    { name: 'empty', sha256: '' },
    { name: 'not hex', sha256: 'z'.repeat(64) },
    { name: 'one character too long', sha256: 'a'.repeat(65) },
  ])('fails on a sha256 that is $name, naming that file only', ({ sha256 }) => {
    const result = check(
      'media_checksums',
      content('Video', {
        media: [media('https://cdn.example.vn/good.mp4', SHA), media('https://cdn.example.vn/bad.mp4', sha256)],
      }),
    );
    expect(result.passed).toBe(false);
    expect(result.detail).toContain('https://cdn.example.vn/bad.mp4');
    expect(result.detail).not.toContain('good.mp4');
  });
});

describe('blockingChecks', () => {
  const results = runChecks(
    content('a'.repeat(300), { platform: 'x', media: [media('https://cdn.example.vn/v.mp4', 'nope')] }),
    context({ requiredHashtags: ['#HướngVềLáCờTổQuốc'] }),
  );

  it.each([
    {
      overridden: [] as CheckName[],
      blocking: ['disclosure_label', 'required_hashtags', 'platform_limits', 'media_checksums'],
    },
    {
      overridden: ['disclosure_label'] as CheckName[],
      blocking: ['required_hashtags', 'platform_limits', 'media_checksums'],
    },
    {
      overridden: ['platform_limits', 'media_checksums'] as CheckName[],
      blocking: ['disclosure_label', 'required_hashtags'],
    },
    {
      overridden: ['key_messages'] as CheckName[],
      blocking: ['disclosure_label', 'required_hashtags', 'platform_limits', 'media_checksums'],
    },
    { overridden: [...CHECKS], blocking: [] },
  ])('with $overridden overridden, blocks on $blocking', ({ overridden, blocking }) => {
    expect(blockingChecks(results, overridden).map((r) => r.check)).toEqual(blocking);
  });

  it('blocks on nothing when every check passes', () => {
    const clean = runChecks(
      content(`Việt Nam là nước chủ nhà ${LABEL} #HướngVềLáCờTổQuốc`, {
        media: [media('https://cdn.example.vn/v.mp4', SHA)],
      }),
      context({ requiredHashtags: ['#HuongVeLaCoToQuoc'], keyMessages: ['viet nam la nuoc chu nha'] }),
    );
    expect(clean.every((r) => r.passed)).toBe(true);
    expect(blockingChecks(clean, [])).toEqual([]);
  });
});
