/**
 * Demo creators for the registry: invented Vietnamese content creators
 * (KOLs/KOCs) and the two management companies of the 2024 pilot, themed on
 * the pilot's work (travel and culture vlogs, the Military Museum channel
 * visit, defence expo channels, Điện Biên Phủ, the reading-culture event, the
 * campaign "Hướng về lá cờ Tổ quốc", Ho Chi Minh City's explainers of online
 * public services).
 *
 * Pure and deterministic: the same (count, seed) always gives the same list;
 * randomness comes from a seeded mulberry32, never from Math.random. All
 * people, identity numbers, phone numbers and addresses are made up (e-mail
 * addresses use the reserved-looking example.vn domain).
 *
 * Guarantees, for any count:
 * - every `input` passes `RegisterCreatorInput.parse`;
 * - the two management companies come first (keys company-01, company-02);
 * - channel handles are ASCII and unique across the whole list, compared
 *   case-insensitively, so no two channels collide on any platform;
 * - among the first 1,000 creators no two display names are equal after
 *   folding (diacritics, case) or near-equal (pg_trgm similarity ≥ 0.6, the
 *   registry's duplicates threshold), except the three deliberate
 *   near-duplicate pairs (DEMO_NEAR_DUPLICATE_PAIRS), present whenever
 *   count ≥ 19; further on, names only avoid exact repeats (best effort);
 * - statuses are exactly 40 / 25 / 25 / 10 % active / vetted / prospect /
 *   suspended among individuals (rounded); companies are active.
 */
import type { CreatorStatusName, PLATFORMS, RegisterCreatorInput, TOPICS } from '@concord/domain';

export interface DemoCreator {
  /** Stable and unique: 'company-01', 'company-02', 'creator-0001', … */
  key: string;
  /** What POST /v1/creators takes (the company id is resolved by the seeder). */
  input: Omit<RegisterCreatorInput, 'managementCompanyId'>;
  /** Key of the management company this creator belongs to, or null. */
  managementCompanyKey: string | null;
  /** Where the seed should move the creator after registering it. */
  status: Exclude<CreatorStatusName, 'offboarded'>;
}

type Platform = (typeof PLATFORMS)[number];
type Topic = (typeof TOPICS)[number];
type Status = DemoCreator['status'];
type Channel = RegisterCreatorInput['channels'][number];
type CompanyKey = 'company-01' | 'company-02';

// ---------------------------------------------------------------- randomness

/*
 * Builtins through module-scope constants: under jest every global lookup
 * crosses the vm context's interceptors, which made generating 100,000
 * creators about three times slower.
 */
const M = Math;
const UtcDate = Date;

/** mulberry32: tiny, fast, good enough for demo data. */
class Rng {
  private state: number;
  constructor(seed: number) {
    // Mix the seed so nearby seeds (2024, 2025) start far apart.
    this.state = (M.imul((M.trunc(seed) ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = M.imul(t ^ (t >>> 15), t | 1);
    t ^= t + M.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + M.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[M.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  logUniform(min: number, max: number): number {
    return M.round(M.exp(M.log(min) + this.next() * (M.log(max) - M.log(min))));
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += this.int(0, 9);
    return s;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = M.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---------------------------------------------------------------- text

function foldWord(word: string): string[] {
  return word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Folding is the hot path at 100,000 creators; the vocabulary is small. */
const FOLDED_WORDS = new Map<string, string[]>();

/** Lower-case ASCII words: "Hùng Phượt Việt" → ['hung', 'phuot', 'viet']. */
function asciiWords(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    if (!word) continue;
    let folded = FOLDED_WORDS.get(word);
    if (!folded) {
      folded = foldWord(word);
      if (FOLDED_WORDS.size < 20_000) FOLDED_WORDS.set(word, folded);
    }
    for (const w of folded) out.push(w);
  }
  return out;
}

function foldName(text: string): string {
  return asciiWords(text).join(' ');
}

/** The trigram set pg_trgm builds for a (folded) string. */
function trigrams(folded: string): Set<string> {
  const set = new Set<string>();
  for (const word of folded.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/**
 * Display names already used. Among the first `windowSize` names: no two
 * equal after folding, none near-equal (trigram similarity ≥ threshold,
 * through an inverted index of trigrams). After that, only exact repeats
 * are refused, which keeps 100,000 names fast.
 */
class NameGuard {
  private readonly exact = new Set<string>();
  private readonly folded = new Set<string>();
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[] = [];
  private readonly shared: Int32Array;
  constructor(
    private readonly windowSize: number,
    private readonly threshold: number,
  ) {
    this.shared = new Int32Array(windowSize);
  }
  get windowFull(): boolean {
    return this.sizes.length >= this.windowSize;
  }
  accepts(name: string): boolean {
    if (this.exact.has(name)) return false;
    if (this.windowFull) return true;
    const f = foldName(name);
    if (this.folded.has(f)) return false;
    const grams = trigrams(f);
    const touched: number[] = [];
    for (const g of grams) {
      for (const id of this.postings.get(g) ?? []) if (this.shared[id]++ === 0) touched.push(id);
    }
    let ok = true;
    for (const id of touched) {
      const shared = this.shared[id];
      if (shared / (grams.size + this.sizes[id] - shared) >= this.threshold) ok = false;
      this.shared[id] = 0;
    }
    return ok;
  }
  add(name: string): void {
    this.exact.add(name);
    if (this.windowFull) return;
    const f = foldName(name);
    this.folded.add(f);
    const id = this.sizes.length;
    const grams = trigrams(f);
    this.sizes.push(grams.size);
    for (const g of grams) {
      const list = this.postings.get(g);
      if (list) list.push(id);
      else this.postings.set(g, [id]);
    }
  }
}

// ---------------------------------------------------------------- places and themes

interface Place {
  name: string;
  region: string;
  /** Language of the audience abroad. */
  lang?: string;
  /** First three digits of a citizen identity number issued there. */
  idPrefix?: string;
}

const P = {
  hanoi: { name: 'Hà Nội', region: 'VN-HN', idPrefix: '001' },
  saigon: { name: 'Sài Gòn', region: 'VN-SG', idPrefix: '079' },
  danang: { name: 'Đà Nẵng', region: 'VN-DN', idPrefix: '048' },
  haiphong: { name: 'Hải Phòng', region: 'VN-HP', idPrefix: '031' },
  cantho: { name: 'Cần Thơ', region: 'VN-CT', idPrefix: '092' },
  dienbien: { name: 'Điện Biên', region: 'VN-71', idPrefix: '011' },
  hagiang: { name: 'Hà Giang', region: 'VN-03', idPrefix: '002' },
  sapa: { name: 'Sa Pa', region: 'VN-02', idPrefix: '010' },
  halong: { name: 'Hạ Long', region: 'VN-13', idPrefix: '022' },
  ninhbinh: { name: 'Ninh Bình', region: 'VN-18', idPrefix: '037' },
  hue: { name: 'Huế', region: 'VN-26', idPrefix: '046' },
  hoian: { name: 'Hội An', region: 'VN-27', idPrefix: '049' },
  nhatrang: { name: 'Nha Trang', region: 'VN-34', idPrefix: '056' },
  dalat: { name: 'Đà Lạt', region: 'VN-35', idPrefix: '068' },
  phuquoc: { name: 'Phú Quốc', region: 'VN-47', idPrefix: '091' },
  quangtri: { name: 'Quảng Trị', region: 'VN-25', idPrefix: '045' },
} satisfies Record<string, Place>;

const DOMESTIC: readonly Place[] = Object.values(P);
const BIG_CITIES: readonly Place[] = [P.hanoi, P.saigon, P.danang, P.haiphong, P.cantho];
const ABROAD: readonly Place[] = [
  { name: 'Paris', region: 'FR', lang: 'fr' },
  { name: 'Lyon', region: 'FR', lang: 'fr' },
  { name: 'Tokyo', region: 'JP', lang: 'ja' },
  { name: 'Osaka', region: 'JP', lang: 'ja' },
  { name: 'Seoul', region: 'KR', lang: 'ko' },
  { name: 'Busan', region: 'KR', lang: 'ko' },
  { name: 'California', region: 'US', lang: 'en' },
  { name: 'Texas', region: 'US', lang: 'en' },
  { name: 'Đài Bắc', region: 'TW', lang: 'zh' },
  { name: 'Sydney', region: 'AU', lang: 'en' },
  { name: 'Berlin', region: 'DE', lang: 'de' },
];

type ThemeId =
  | 'travel'
  | 'cuisine'
  | 'culture'
  | 'history'
  | 'defence'
  | 'reading'
  | 'patriotic'
  | 'policy'
  | 'diaspora'
  | 'lifestyle'
  | 'music'
  | 'technology'
  | 'sports'
  | 'green';

interface Theme {
  weight: number;
  /** The first topic always applies; up to two more are drawn from the rest. */
  topics: readonly [Topic, ...Topic[]];
  /** {N}: the creator's short name; {P}: a place of the theme. */
  templates: readonly string[];
  places: readonly Place[];
  platforms: readonly (readonly [Platform, number])[];
  /** Chance of English besides Vietnamese. */
  english: number;
  /** The management company whose portfolio the theme fits. */
  company: CompanyKey;
  /** Words creators of the theme put in their handles. */
  tags: readonly string[];
}

const SOCIAL: readonly (readonly [Platform, number])[] = [
  ['tiktok', 35],
  ['youtube', 25],
  ['facebook', 25],
  ['instagram', 7],
  ['zalo', 5],
  ['x', 3],
];

const THEMES: Record<ThemeId, Theme> = {
  travel: {
    weight: 18,
    topics: ['tourism', 'culture', 'cuisine', 'lifestyle', 'environment'],
    templates: [
      '{N} Phượt {P}',
      '{N} Travel',
      '{N} Đi {P}',
      'Xuyên Việt Cùng {N}',
      'Phượt Cùng {N}',
      '{N} Check-in {P}',
      '{P} Trong Mắt {N}',
      '{N} Vlog',
      '{N} Xách Balo',
      '{N} Lang Thang {P}',
    ],
    places: DOMESTIC,
    platforms: [
      ['tiktok', 35],
      ['youtube', 30],
      ['facebook', 20],
      ['instagram', 12],
      ['x', 3],
    ],
    english: 0.35,
    company: 'company-02',
    tags: ['travel', 'phuot', 'dulich', 'trip'],
  },
  cuisine: {
    weight: 12,
    topics: ['cuisine', 'culture', 'tourism', 'lifestyle'],
    templates: [
      'Bếp Nhà {N}',
      '{N} Ăn Gì Hôm Nay',
      'Ẩm Thực {P} Cùng {N}',
      '{N} Review Món Ngon',
      '{N} Nấu Ăn',
      'Hương Vị {P} Của {N}',
      '{N} Food Tour {P}',
      'Góc Bếp {N}',
    ],
    places: DOMESTIC,
    platforms: [
      ['tiktok', 45],
      ['youtube', 25],
      ['facebook', 22],
      ['instagram', 8],
    ],
    english: 0.25,
    company: 'company-02',
    tags: ['food', 'bep', 'amthuc', 'kitchen'],
  },
  culture: {
    weight: 11,
    topics: ['culture', 'history', 'music', 'tourism', 'education'],
    templates: [
      'Văn Hóa Việt Cùng {N}',
      '{N} Kể Chuyện Làng',
      'Áo Dài {N}',
      '{N} Và Lễ Hội {P}',
      'Nét Đẹp {P} Cùng {N}',
      '{N} Di Sản {P}',
      'Phố Cổ Cùng {N}',
      '{N} Nghề Truyền Thống',
    ],
    places: [P.hue, P.hoian, P.hanoi, P.ninhbinh, P.hagiang, P.cantho, P.saigon, P.sapa],
    platforms: SOCIAL,
    english: 0.35,
    company: 'company-01',
    tags: ['vanhoa', 'culture', 'disan'],
  },
  history: {
    weight: 9,
    topics: ['history', 'culture', 'education', 'defence'],
    templates: [
      '{N} Kể Chuyện Sử Việt',
      'Dấu Ấn {P} Cùng {N}',
      'Lịch Sử 5 Phút Cùng {N}',
      '{N} Sử Ký',
      'Góc Sử {N}',
      '{N} Về Nguồn {P}',
      'Nhật Ký {P} Của {N}',
    ],
    places: [P.dienbien, P.hanoi, P.hue, P.haiphong, P.saigon, P.quangtri],
    platforms: [
      ['youtube', 40],
      ['facebook', 30],
      ['tiktok', 30],
    ],
    english: 0.25,
    company: 'company-01',
    tags: ['lichsu', 'history', 'suviet'],
  },
  defence: {
    weight: 8,
    topics: ['defence', 'history', 'education', 'technology'],
    templates: [
      'Góc Quân Sự {N}',
      '{N} Bảo Tàng Quân Sự',
      'Hồ Sơ Quốc Phòng {N}',
      '{N} Quân Sử Việt',
      'Lính Trẻ {N}',
      'Quân Sử Cùng {N}',
      '{N} Triển Lãm Quốc Phòng',
      'Hải Quân {P} Cùng {N}',
    ],
    places: [P.hanoi, P.dienbien, P.haiphong, P.saigon, P.danang, P.nhatrang],
    platforms: [
      ['youtube', 40],
      ['tiktok', 35],
      ['facebook', 25],
    ],
    english: 0.2,
    company: 'company-01',
    tags: ['quansu', 'military', 'quandoi'],
  },
  reading: {
    weight: 6,
    topics: ['education', 'culture', 'history', 'lifestyle'],
    templates: ['{N} Đọc Sách', 'Tủ Sách {N}', 'Đọc Cùng {N}', '{N} Review Sách', 'Trạm Sách {N}', '{N} Mê Sách'],
    places: [P.hanoi, P.saigon, P.danang, P.hue, P.cantho],
    platforms: [
      ['facebook', 35],
      ['tiktok', 35],
      ['youtube', 20],
      ['instagram', 10],
    ],
    english: 0.2,
    company: 'company-01',
    tags: ['docsach', 'books', 'tusach'],
  },
  patriotic: {
    weight: 6,
    topics: ['culture', 'history', 'defence', 'education'],
    templates: [
      'Tự Hào Việt Nam {N}',
      'Việt Nam Trong Tim {N}',
      '{N} Yêu Tổ Quốc',
      'Sắc Đỏ {P} Cùng {N}',
      '{N} Và Lá Cờ Tổ Quốc',
      'Dải Đất Hình Chữ S {N}',
    ],
    places: [P.hanoi, P.dienbien, P.saigon, P.haiphong, P.hagiang, P.quangtri],
    platforms: [
      ['tiktok', 40],
      ['facebook', 35],
      ['youtube', 25],
    ],
    english: 0.15,
    company: 'company-01',
    tags: ['tuhao', 'vietnam', 'toquoc'],
  },
  policy: {
    weight: 9,
    topics: ['public_services', 'policy', 'technology', 'education'],
    templates: [
      '{N} Giải Thích Chính Sách',
      'Dịch Vụ Công Cùng {N}',
      'Thủ Tục Online {N}',
      'Chính Sách 60 Giây {N}',
      '{N} Hướng Dẫn Dịch Vụ Công',
      'Luật Dễ Hiểu Cùng {N}',
      '{N} Công Dân Số {P}',
    ],
    places: [P.saigon, P.saigon, P.saigon, P.hanoi, P.danang, P.cantho],
    platforms: [
      ['facebook', 35],
      ['tiktok', 30],
      ['zalo', 20],
      ['youtube', 15],
    ],
    english: 0.1,
    company: 'company-02',
    tags: ['dichvucong', 'chinhsach', 'congdan', 'phapluat'],
  },
  diaspora: {
    weight: 7,
    topics: ['diplomacy', 'culture', 'tourism', 'cuisine', 'lifestyle'],
    templates: [
      '{N} Ở {P}',
      '{N} Sống Ở {P}',
      'Người Việt Tại {P} Cùng {N}',
      '{N} {P} Diary',
      '{N} In {P}',
      'Bếp Việt Ở {P} {N}',
    ],
    places: ABROAD,
    platforms: [
      ['youtube', 35],
      ['instagram', 25],
      ['facebook', 25],
      ['tiktok', 15],
    ],
    english: 0.6,
    company: 'company-02',
    tags: ['overseas', 'xuxa', 'life'],
  },
  lifestyle: {
    weight: 6,
    topics: ['lifestyle', 'health', 'tourism', 'cuisine'],
    templates: ['{N} Vlog', '{N} Daily', 'Một Ngày Của {N}', '{N} Official', '{N} TV', 'Nhà {N}'],
    places: BIG_CITIES,
    platforms: SOCIAL,
    english: 0.3,
    company: 'company-02',
    tags: ['vlog', 'daily', 'life'],
  },
  music: {
    weight: 3,
    topics: ['music', 'culture', 'lifestyle'],
    templates: ['{N} Music', '{N} Hát Dân Ca', '{N} Acoustic', 'Nhạc Cụ Dân Tộc {N}', '{N} Cải Lương'],
    places: [P.hanoi, P.saigon, P.hue, P.cantho],
    platforms: [
      ['youtube', 45],
      ['tiktok', 35],
      ['facebook', 20],
    ],
    english: 0.25,
    company: 'company-01',
    tags: ['music', 'dancaviet', 'acoustic'],
  },
  technology: {
    weight: 3,
    topics: ['technology', 'education', 'public_services'],
    templates: ['{N} Công Nghệ', '{N} Tech', 'Chuyển Đổi Số Cùng {N}', '{N} Review Ứng Dụng'],
    places: BIG_CITIES,
    platforms: [
      ['youtube', 40],
      ['tiktok', 30],
      ['facebook', 20],
      ['x', 10],
    ],
    english: 0.45,
    company: 'company-02',
    tags: ['tech', 'congnghe', 'chuyendoiso'],
  },
  sports: {
    weight: 3,
    topics: ['sports', 'health', 'lifestyle'],
    templates: ['{N} Thể Thao', '{N} Fitness', 'Bóng Đá Cùng {N}', '{N} Chạy Bộ {P}'],
    places: BIG_CITIES,
    platforms: [
      ['tiktok', 40],
      ['youtube', 30],
      ['facebook', 30],
    ],
    english: 0.25,
    company: 'company-02',
    tags: ['sport', 'fit', 'running'],
  },
  green: {
    weight: 2,
    topics: ['environment', 'health', 'tourism', 'education'],
    templates: ['Sống Xanh Cùng {N}', '{N} Khỏe Mỗi Ngày', '{N} Giữ Biển {P}', 'Học Cùng {N}'],
    places: [P.halong, P.nhatrang, P.phuquoc, P.danang, P.dalat],
    platforms: SOCIAL,
    english: 0.3,
    company: 'company-01',
    tags: ['green', 'songxanh', 'eco'],
  },
};

const THEME_WEIGHTS = (Object.keys(THEMES) as ThemeId[]).map((id) => [id, THEMES[id].weight] as const);

// ---------------------------------------------------------------- names

const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 5],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 3.9],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
];
const MIDDLE_F: readonly (readonly [string, number])[] = [
  ['Thị', 30],
  ['Ngọc', 8],
  ['Thu', 6],
  ['Thanh', 6],
  ['Minh', 5],
  ['Hồng', 5],
  ['Thùy', 5],
  ['Phương', 4],
  ['Kim', 4],
  ['Bảo', 3],
  ['Mai', 3],
  ['Khánh', 3],
  ['Diệu', 2],
  ['Hải', 2],
];
const MIDDLE_M: readonly (readonly [string, number])[] = [
  ['Văn', 28],
  ['Minh', 8],
  ['Quốc', 6],
  ['Đức', 6],
  ['Hải', 5],
  ['Hoàng', 5],
  ['Thanh', 5],
  ['Công', 4],
  ['Hữu', 4],
  ['Trung', 3],
  ['Tuấn', 3],
  ['Gia', 3],
  ['Xuân', 3],
  ['Quang', 4],
  ['Ngọc', 2],
];
const GIVEN_F = [
  'Lan',
  'Mai',
  'Hương',
  'Linh',
  'Trang',
  'Thảo',
  'Hà',
  'Ngân',
  'Nhung',
  'Hạnh',
  'Yến',
  'Vy',
  'Trâm',
  'Hằng',
  'Loan',
  'Tú',
  'Oanh',
  'Quyên',
  'Thư',
  'Nhi',
  'Diệp',
  'Chi',
  'Hiền',
  'Ly',
  'Phương',
  'Anh',
  'Uyên',
  'Giang',
  'Huyền',
  'Ngọc',
  'Vân',
  'My',
  'Nga',
  'Thủy',
  'Dung',
  'Trinh',
  'Châu',
  'Hoa',
  'Cúc',
  'Xuân',
  'Thoa',
  'Hậu',
  'Liên',
  'Nhàn',
  'Tuyết',
  'Thơ',
  'Duyên',
  'Hân',
  'Khuê',
  'Trà',
  'Mơ',
  'Thắm',
  'Điệp',
  'Lụa',
  'Sen',
];
const GIVEN_M = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Minh',
  'Nam',
  'Long',
  'Khoa',
  'Huy',
  'Phong',
  'Quân',
  'Bình',
  'Sơn',
  'Trung',
  'Hiếu',
  'Đạt',
  'Thắng',
  'Tùng',
  'Vinh',
  'Khánh',
  'Phúc',
  'Hải',
  'Toàn',
  'Lâm',
  'Tài',
  'Cường',
  'Kiên',
  'Nghĩa',
  'Thịnh',
  'Duy',
  'Anh',
  'Bảo',
  'Hưng',
  'Lộc',
  'Trí',
  'Tâm',
  'Việt',
  'Quang',
  'Thành',
  'Hòa',
  'Tiến',
  'Khải',
  'Luân',
  'Nhân',
  'Phát',
  'Quý',
  'Sang',
  'Tín',
  'Thiện',
  'Vũ',
  'Hậu',
  'Định',
  'Công',
  'Đông',
  'Kha',
];
const COMPOUND_F = [
  'Lan Anh',
  'Minh Tú',
  'Hồng Nhung',
  'Bảo Ngọc',
  'Thu Hà',
  'Phương Linh',
  'Ngọc Ánh',
  'Khánh Linh',
  'Thùy Dung',
  'Mai Anh',
  'Hải Yến',
  'Thanh Hương',
  'Diệu Linh',
  'Quỳnh Như',
  'Bích Ngọc',
  'Kim Ngân',
];
const COMPOUND_M = [
  'Quang Huy',
  'Minh Khôi',
  'Đức Anh',
  'Gia Bảo',
  'Hoàng Nam',
  'Tuấn Anh',
  'Bảo Long',
  'Anh Tuấn',
  'Trọng Nghĩa',
  'Thành Trung',
  'Minh Quân',
  'Đăng Khoa',
  'Hữu Phước',
  'Việt Hoàng',
  'Tiến Dũng',
  'Hải Đăng',
];

interface Person {
  family: string;
  middle: string | null;
  given: string;
  female: boolean;
  /** The legal name: family, middle, given. */
  full: string;
  /** What the creator goes by: "Lan Anh", "Hùng", "Minh Khoa". */
  short: string;
}

interface PersonSpec {
  family?: string;
  middle?: string | null;
  given: string;
  female: boolean;
}

function makePerson(rng: Rng, spec?: PersonSpec): Person {
  const female = spec ? spec.female : rng.chance(0.5);
  const family = spec?.family ?? rng.weighted(FAMILY);
  let given: string;
  let middle: string | null;
  if (spec) {
    given = spec.given;
    middle =
      spec.middle !== undefined
        ? spec.middle
        : given.includes(' ')
          ? female
            ? 'Thị'
            : null
          : rng.weighted(female ? MIDDLE_F : MIDDLE_M);
  } else if (rng.chance(0.3)) {
    given = rng.pick(female ? COMPOUND_F : COMPOUND_M);
    middle = rng.chance(0.5) ? (female ? 'Thị' : 'Văn') : null;
  } else {
    given = rng.pick(female ? GIVEN_F : GIVEN_M);
    middle = rng.weighted(female ? MIDDLE_F : MIDDLE_M);
    if (middle === given) middle = female ? 'Thị' : 'Văn';
  }
  const full = [family, middle, given].filter(Boolean).join(' ');
  let short = given;
  if (!given.includes(' ') && middle && middle !== 'Thị' && middle !== 'Văn' && rng.chance(0.5))
    short = `${middle} ${given}`;
  return { family, middle, given, female, full, short };
}

// ---------------------------------------------------------------- presets

interface Preset {
  displayName: string;
  theme: ThemeId;
  person?: PersonSpec;
  place?: Place;
  status?: Status;
  personalData?: boolean;
}

const NHUNG: PersonSpec = { family: 'Nguyễn', middle: 'Thị', given: 'Hồng Nhung', female: true };

/** The three deliberate near-duplicate pairs: [first, second]. */
const NEAR_DUPLICATES: readonly (readonly [Preset, Preset])[] = [
  [
    { displayName: 'Nguyễn Thị Hồng Nhung', theme: 'culture', person: NHUNG, status: 'active', personalData: true },
    // The same person registered again without diacritics, by someone else.
    { displayName: 'Nguyen Thi Hong Nhung', theme: 'culture', person: NHUNG, status: 'prospect', personalData: false },
  ],
  [
    { displayName: 'Lan Anh Travel', theme: 'travel', person: { given: 'Lan Anh', female: true }, status: 'active' },
    { displayName: 'Lan Anh Travels', theme: 'travel', person: { given: 'Lan Anh', female: true }, status: 'prospect' },
  ],
  [
    { displayName: 'Ký Sự Điện Biên', theme: 'history', place: P.dienbien, status: 'vetted' },
    { displayName: 'Ký Sự Điện Biên Phủ', theme: 'history', place: P.dienbien, status: 'prospect' },
  ],
];

/** Recognisable channels of the pilot's themes. */
const SHOWCASE: readonly Preset[] = [
  { displayName: 'Hùng Phượt Việt', theme: 'travel', person: { given: 'Hùng', female: false }, status: 'active' },
  { displayName: 'Bếp Nhà Mai', theme: 'cuisine', person: { given: 'Mai', female: true }, status: 'active' },
  { displayName: 'Sử Việt Kể Chuyện', theme: 'history', status: 'active' },
  { displayName: 'Minh Tú Vlog', theme: 'lifestyle', person: { given: 'Minh Tú', female: true }, status: 'vetted' },
  { displayName: 'Góc Nhìn Quân Sự', theme: 'defence', place: P.hanoi, status: 'active' },
  { displayName: 'Sách Hay Mỗi Ngày', theme: 'reading', status: 'active' },
  { displayName: 'Hành Trình Bảo Tàng', theme: 'defence', place: P.hanoi, status: 'active' },
  { displayName: 'Triển Lãm Quốc Phòng 360', theme: 'defence', place: P.hanoi, status: 'vetted' },
  { displayName: 'Tự Hào Cờ Đỏ Sao Vàng', theme: 'patriotic', status: 'active' },
  { displayName: 'Dịch Vụ Công Dễ Hiểu', theme: 'policy', place: P.saigon, status: 'active' },
  { displayName: 'Chuyện Người Việt Ở Paris', theme: 'diaspora', place: ABROAD[0], status: 'vetted' },
];

/** Spread over the list: pair firsts early, showcase in between, pair seconds late. */
const PRESETS: readonly Preset[] = [
  NEAR_DUPLICATES[0][0],
  SHOWCASE[0],
  SHOWCASE[1],
  NEAR_DUPLICATES[1][0],
  SHOWCASE[2],
  SHOWCASE[3],
  NEAR_DUPLICATES[2][0],
  SHOWCASE[4],
  SHOWCASE[5],
  SHOWCASE[6],
  NEAR_DUPLICATES[0][1],
  SHOWCASE[7],
  SHOWCASE[8],
  NEAR_DUPLICATES[1][1],
  SHOWCASE[9],
  SHOWCASE[10],
  NEAR_DUPLICATES[2][1],
];

// ---------------------------------------------------------------- companies

const COMPANIES: readonly {
  key: CompanyKey;
  name: string;
  platform: Platform;
  handle: string;
  topics: Topic[];
  regions: string[];
}[] = [
  {
    key: 'company-01',
    name: 'Công ty TNHH Truyền thông Sao Việt',
    platform: 'facebook',
    handle: 'truyenthongsaoviet',
    topics: ['culture', 'history', 'defence'],
    regions: ['VN-HN'],
  },
  {
    key: 'company-02',
    name: 'Công ty Cổ phần Giải trí và Truyền thông Mây Xanh',
    platform: 'youtube',
    handle: 'mayxanhmedia',
    topics: ['tourism', 'cuisine', 'public_services'],
    regions: ['VN-SG'],
  },
];

// ---------------------------------------------------------------- channels and people data

function channelUrl(platform: Platform, handle: string): string {
  switch (platform) {
    case 'tiktok':
      return `https://www.tiktok.com/@${handle}`;
    case 'youtube':
      return `https://www.youtube.com/@${handle}`;
    case 'facebook':
      return `https://www.facebook.com/${handle}`;
    case 'instagram':
      return `https://www.instagram.com/${handle}`;
    case 'x':
      return `https://x.com/${handle}`;
    case 'zalo':
      return `https://zalo.me/${handle}`;
    default:
      return `https://example.vn/kenh/${handle}`;
  }
}

const MAX_HANDLE = 24; // TikTok's limit, the tightest of the platforms

/** Handles in use, lower case; hands out unique ones. */
class HandleRegistry {
  private readonly used = new Set<string>();
  reserve(handle: string): void {
    this.used.add(handle.toLowerCase());
  }
  /** Generated handles are lower case already. */
  private taken(handle: string): boolean {
    return this.used.has(handle);
  }
  /**
   * `stem` plus `suffix` (dropped if the handle would get too long), made
   * unique with a few digits if taken.
   */
  claim(rng: Rng, stem: string, suffix: string): string {
    stem = stem.slice(0, MAX_STEM);
    if (stem.length + suffix.length > MAX_HANDLE - 4) suffix = '';
    let handle = stem + suffix;
    if (handle.length < 5) handle += rng.digits(5 - handle.length);
    for (let tries = 0; this.taken(handle); tries++) {
      handle = tries < 200 ? stem + suffix + rng.digits(tries < 8 ? 2 : tries < 30 ? 3 : 4) : stem + rng.digits(6);
    }
    this.used.add(handle);
    return handle;
  }
}

const MAX_STEM = 18;
const SEPARATORS = [
  ['', 70],
  ['.', 15],
  ['_', 15],
] as const;

/** Person names repeat a lot: their joined ASCII forms are cached. */
const JOINED = new Map<string, string>();
function asciiJoined(text: string): string {
  let joined = JOINED.get(text);
  if (joined === undefined) {
    joined = asciiWords(text).join('');
    if (JOINED.size < 50_000) JOINED.set(text, joined);
  }
  return joined;
}

/** Whole words joined while they fit: no handle ends in half a word. */
function joinWords(words: readonly string[], sep: string): string {
  let out = '';
  for (const word of words) {
    const next = out ? out + sep + word : word;
    if (next.length > MAX_STEM) break;
    out = next;
  }
  return out;
}

/** The handle stem a creator would choose: from the channel name or the person's name. */
function handleStem(rng: Rng, displayName: string, person: Person, personNamed: boolean, theme: Theme): string {
  const sep = rng.weighted(SEPARATORS);
  const short = asciiJoined(person.short);
  if (personNamed) {
    const family = asciiJoined(person.family);
    const given = asciiJoined(person.given);
    const full = asciiJoined(person.full);
    const options = [given + sep + family, family + sep + given, short + sep + family];
    if (full.length <= MAX_STEM) options.push(full);
    return rng.pick(options);
  }
  const words = asciiWords(displayName);
  const whole = words.join(sep);
  if (whole.length <= MAX_STEM) return whole;
  if (sep && words.join('').length <= MAX_STEM) return words.join('');
  // Long channel names: the creator's name and a tag of the theme.
  return joinWords([short, rng.pick(theme.tags)], sep) || short;
}

const EXTRA_SUFFIXES = [
  '.official',
  'official',
  '_tv',
  'tv',
  '.vn',
  'vn',
  'channel',
  '.fanpage',
  '_official',
  '.media',
];

function followersFor(rng: Rng): number {
  const r = rng.next();
  if (r < 0.75) return rng.logUniform(10_000, 500_000);
  if (r < 0.85) return rng.logUniform(500_000, 1_000_000);
  if (r < 0.97) return rng.logUniform(1_000_000, 5_000_000);
  return rng.logUniform(5_000_000, 20_000_000);
}

const CONSENT_FROM = Date.UTC(2024, 2, 1); // the pilot began in 2024
const CONSENT_TO = Date.UTC(2025, 8, 30);

function isoBetween(rng: Rng, from: number, to: number): string {
  const minutes = M.floor((from + rng.next() * (to - from)) / 60_000);
  return new UtcDate(minutes * 60_000).toISOString();
}

function makeChannel(rng: Rng, platform: Platform, handle: string, followers: number): Channel {
  const verified = followers >= 500_000 ? rng.chance(0.85) : rng.chance(followers >= 100_000 ? 0.05 : 0.01);
  const channel: Channel = { platform, handle, url: channelUrl(platform, handle), followers, verified };
  if (verified) channel.verifiedCheckedAt = isoBetween(rng, Date.UTC(2025, 0, 1), Date.UTC(2025, 9, 31));
  return channel;
}

const CONSENT_SCOPES = [
  'Xử lý dữ liệu cá nhân để quản lý hồ sơ người có ảnh hưởng và hợp tác truyền thông chính sách (Nghị định 13/2023/NĐ-CP)',
  'Lưu trữ và sử dụng thông tin liên hệ, định danh cho việc ký kết và thực hiện thỏa thuận hợp tác truyền thông',
  'Xử lý dữ liệu cá nhân phục vụ thẩm định, đào tạo và giao nhiệm vụ truyền thông',
];

function makeConsent(rng: Rng, index: number): NonNullable<RegisterCreatorInput['consent']> {
  const givenAt = isoBetween(rng, CONSENT_FROM, CONSENT_TO);
  const year = givenAt.slice(0, 4);
  const evidence = rng.pick([
    `Phiếu đồng ý bản giấy số ${String(index).padStart(4, '0')}/${year}/TTCS-TTĐN, lưu hồ sơ giấy`,
    `Biểu mẫu điện tử, mã xác nhận ${rng.digits(6)}-${rng.digits(4)}`,
    `Thư điện tử xác nhận đồng ý ngày ${givenAt.slice(8, 10)}/${givenAt.slice(5, 7)}/${year}`,
    `Điều khoản đồng ý trong biên bản ghi nhớ hợp tác số ${rng.int(1, 250)}/${year}/BBGN`,
  ]);
  return { givenAt, scope: rng.pick(CONSENT_SCOPES), evidence };
}

function makePersonalData(rng: Rng, person: Person, home: Place): NonNullable<RegisterCreatorInput['personalData']> {
  const birthYear = rng.int(1975, 2004);
  const centuryGender = (birthYear >= 2000 ? 2 : 0) + (person.female ? 1 : 0);
  const idPrefix = home.idPrefix ?? rng.pick(DOMESTIC).idPrefix;
  const nationalId = `${idPrefix}${centuryGender}${String(birthYear % 100).padStart(2, '0')}${rng.digits(6)}`;
  const phone = `+849${rng.pick(['0', '1', '3', '4', '6', '7', '8'])}${rng.digits(7)}`;
  const given = asciiJoined(person.given);
  const family = asciiJoined(person.family);
  const email = `${given}.${family}${String(birthYear).slice(2)}${rng.int(1, 99)}@example.vn`;
  return { legalName: person.full, nationalId, phone, email };
}

// ---------------------------------------------------------------- creators

const PERSONAL_DATA_CHANCE: Record<Status, number> = { prospect: 0.15, vetted: 0.7, active: 0.75, suspended: 0.65 };

/** Exact proportions 40 / 25 / 25 / 10 %, shuffled. */
function statusQuota(rng: Rng, n: number): Status[] {
  const out: Status[] = [];
  for (let i = 0; i < n; i++) {
    const f = (i + 0.5) / n;
    out.push(f < 0.4 ? 'active' : f < 0.65 ? 'vetted' : f < 0.9 ? 'prospect' : 'suspended');
  }
  return rng.shuffle(out);
}

function fill(template: string, person: Person, place: Place): string {
  return template.replace('{N}', person.short).replace('{P}', place.name);
}

function pickTopics(rng: Rng, theme: Theme): Topic[] {
  const count = rng.weighted([
    [1, 30],
    [2, 45],
    [3, 25],
  ] as const);
  const topics: Topic[] = [theme.topics[0]];
  const rest = theme.topics.slice(1);
  while (topics.length < count && rest.length)
    topics.push(rest.splice(M.floor(rng.next() * M.min(rest.length, 3)), 1)[0]);
  return topics;
}

function pickLanguages(rng: Rng, theme: Theme, home: Place): string[] {
  const languages = ['vi'];
  if (home.lang && home.lang !== 'en') languages.push(home.lang);
  if (rng.chance(home.lang === 'en' ? 0.95 : theme.english)) languages.push('en');
  if (!home.lang && rng.chance(0.05)) languages.push(rng.pick(['fr', 'zh', 'ko', 'ja']));
  return languages;
}

function pickRegions(rng: Rng, theme: Theme, home: Place): string[] {
  const regions = [home.region];
  if (rng.chance(0.35)) {
    const other = home.lang ? rng.pick(['VN', 'VN-HN', 'VN-SG']) : rng.pick([...theme.places, ...BIG_CITIES]).region;
    if (other !== home.region) regions.push(other);
  }
  return regions;
}

const NEAR_DUPLICATE_WINDOW = 1000;
const NEAR_DUPLICATE_THRESHOLD = 0.59; // the registry flags ≥ 0.6; keep clear of it

/**
 * `count` demo creators (default 200): the two management companies first,
 * then individuals. Deterministic for a given `seed` (default 2024); fast
 * enough for 100,000 and more.
 */
export function demoCreators(count = 200, seed = 2024): DemoCreator[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const rng = new Rng(seed);
  const names = new NameGuard(NEAR_DUPLICATE_WINDOW, NEAR_DUPLICATE_THRESHOLD);
  const handles = new HandleRegistry();
  const out: DemoCreator[] = [];

  const companies = COMPANIES.slice(0, M.min(count, COMPANIES.length));
  for (const c of companies) {
    handles.reserve(c.handle);
    names.add(c.name);
    out.push({
      key: c.key,
      input: {
        kind: 'management_company',
        displayName: c.name,
        channels: [makeChannel(rng, c.platform, c.handle, rng.logUniform(80_000, 400_000))],
        topics: [...c.topics],
        languages: ['vi', 'en'],
        regions: [...c.regions],
      },
      managementCompanyKey: null,
      status: 'active',
    });
  }

  const n = count - companies.length;
  const statuses = statusQuota(rng, n);
  const presetAt = new Map<number, Preset>();
  if (n >= PRESETS.length) {
    PRESETS.forEach((preset, k) => presetAt.set(M.floor((n * (k + 0.5)) / PRESETS.length), preset));
    for (const preset of PRESETS) names.add(preset.displayName);
    // Give presets the status they ask for, keeping the exact mix.
    for (const [j, preset] of presetAt) {
      if (!preset.status || statuses[j] === preset.status) continue;
      const k = statuses.findIndex((s, i) => s === preset.status && !presetAt.has(i));
      if (k >= 0) [statuses[j], statuses[k]] = [statuses[k], statuses[j]];
    }
  }

  for (let j = 0; j < n; j++) {
    const preset = presetAt.get(j);
    const themeId: ThemeId = preset?.theme ?? rng.weighted(THEME_WEIGHTS);
    const theme = THEMES[themeId];

    let person: Person;
    let place: Place;
    let displayName: string;
    let personNamed: boolean;
    if (preset) {
      person = makePerson(rng, preset.person);
      place = preset.place ?? rng.pick(theme.places);
      displayName = preset.displayName;
      personNamed = foldName(displayName) === foldName(person.full);
    } else {
      let tries = 0;
      do {
        person = makePerson(rng);
        place = rng.pick(theme.places);
        personNamed = rng.chance(0.22);
        displayName = personNamed ? person.full : fill(rng.pick(theme.templates), person, place);
      } while (!names.accepts(displayName) && ++tries < (names.windowFull ? 3 : 60));
      names.add(displayName);
    }

    const status = statuses[j];
    let managementCompanyKey: string | null = null;
    if (companies.length === COMPANIES.length && rng.chance(0.3)) {
      managementCompanyKey = rng.chance(0.75)
        ? theme.company
        : theme.company === 'company-01'
          ? 'company-02'
          : 'company-01';
    }

    const hasPersonalData = preset?.personalData ?? rng.chance(PERSONAL_DATA_CHANCE[status]);
    const consentOnly = !hasPersonalData && rng.chance(0.12);
    const personalData = hasPersonalData ? makePersonalData(rng, person, place) : undefined;
    const consent = hasPersonalData || consentOnly ? makeConsent(rng, j + 1) : undefined;

    const channelCount = rng.weighted([
      [1, 40],
      [2, 40],
      [3, 20],
    ] as const);
    const platforms: Platform[] = [];
    for (let tries = 0; platforms.length < channelCount && tries < 20; tries++) {
      const p = rng.weighted(theme.platforms);
      if (!platforms.includes(p)) platforms.push(p);
    }
    const stem = handleStem(rng, displayName, person, personNamed, theme);
    const primaryFollowers = followersFor(rng);
    const channels = platforms.map((platform, i) => {
      const suffix =
        i === 0 ? (rng.chance(0.5) ? '' : rng.digits(rng.int(2, 4))) : rng.chance(0.6) ? rng.pick(EXTRA_SUFFIXES) : '';
      const handle = handles.claim(rng, stem, suffix);
      const followers =
        i === 0 ? primaryFollowers : M.max(1_000, M.round(primaryFollowers * (0.05 + rng.next() * 0.55)));
      return makeChannel(rng, platform, handle, followers);
    });

    const input: DemoCreator['input'] = {
      kind: 'individual',
      displayName,
      channels,
      topics: pickTopics(rng, theme),
      languages: pickLanguages(rng, theme, place),
      regions: pickRegions(rng, theme, place),
    };
    if (personalData) input.personalData = personalData;
    if (consent) input.consent = consent;

    out.push({ key: `creator-${String(j + 1).padStart(4, '0')}`, input, managementCompanyKey, status });
  }
  return out;
}

/** Display names of the deliberate near-duplicate pairs (for tests and docs). */
export const DEMO_NEAR_DUPLICATE_PAIRS: readonly (readonly [string, string])[] = NEAR_DUPLICATES.map(
  ([a, b]) => [a.displayName, b.displayName] as const,
);
