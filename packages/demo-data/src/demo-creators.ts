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
 * - display names are distinct after folding (diacritics, case) wherever the
 *   generator can manage it; among the first 1,000 creators no two names are
 *   near-equal (pg_trgm similarity ≥ 0.6, the registry's duplicate threshold)
 *   except the three deliberate near-duplicate pairs, which are present
 *   whenever count ≥ 2 + the number of showcase entries (17).
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

/** mulberry32: tiny, fast, good enough for demo data. */
class Rng {
  private state: number;
  constructor(seed: number) {
    // Mix the seed so nearby seeds (2024, 2025) start far apart.
    this.state = (Math.imul((Math.trunc(seed) ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
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
    return Math.round(Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min))));
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---------------------------------------------------------------- text

/** Lower-case ASCII words: "Hùng Phượt Việt" → ['hung', 'phuot', 'viet']. */
function asciiWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
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

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Display names already used: exact (folded) everywhere, near-equal in a window. */
class NameGuard {
  private readonly folded = new Set<string>();
  private readonly window: Set<string>[] = [];
  constructor(
    private readonly windowSize: number,
    private readonly threshold: number,
  ) {}
  accepts(name: string, strict: boolean): boolean {
    const f = foldName(name);
    if (this.folded.has(f)) return false;
    if (!strict || this.window.length >= this.windowSize) return true;
    const t = trigrams(f);
    for (const other of this.window) if (similarity(t, other) >= this.threshold) return false;
    return true;
  }
  add(name: string): void {
    const f = foldName(name);
    this.folded.add(f);
    if (this.window.length < this.windowSize) this.window.push(trigrams(f));
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
  | 'travel' | 'cuisine' | 'culture' | 'history' | 'defence' | 'reading' | 'patriotic'
  | 'policy' | 'diaspora' | 'lifestyle' | 'music' | 'technology' | 'sports' | 'green';

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
}

const SOCIAL: readonly (readonly [Platform, number])[] = [
  ['tiktok', 35], ['youtube', 25], ['facebook', 25], ['instagram', 7], ['zalo', 5], ['x', 3],
];

const THEMES: Record<ThemeId, Theme> = {
  travel: {
    weight: 18,
    topics: ['tourism', 'culture', 'cuisine', 'lifestyle', 'environment'],
    templates: [
      '{N} Phượt {P}', '{N} Travel', '{N} Đi {P}', 'Xuyên Việt Cùng {N}', 'Phượt Cùng {N}',
      '{N} Check-in {P}', '{P} Trong Mắt {N}', '{N} Vlog', '{N} Xách Balo', '{N} Lang Thang {P}',
    ],
    places: DOMESTIC,
    platforms: [['tiktok', 35], ['youtube', 30], ['facebook', 20], ['instagram', 12], ['x', 3]],
    english: 0.35,
    company: 'company-02',
  },
  cuisine: {
    weight: 12,
    topics: ['cuisine', 'culture', 'tourism', 'lifestyle'],
    templates: [
      'Bếp Nhà {N}', '{N} Ăn Gì Hôm Nay', 'Ẩm Thực {P} Cùng {N}', '{N} Review Món Ngon', '{N} Nấu Ăn',
      'Hương Vị {P} Của {N}', '{N} Food Tour {P}', 'Góc Bếp {N}',
    ],
    places: DOMESTIC,
    platforms: [['tiktok', 45], ['youtube', 25], ['facebook', 22], ['instagram', 8]],
    english: 0.25,
    company: 'company-02',
  },
  culture: {
    weight: 11,
    topics: ['culture', 'history', 'music', 'tourism', 'education'],
    templates: [
      'Văn Hóa Việt Cùng {N}', '{N} Kể Chuyện Làng', 'Áo Dài {N}', '{N} Và Lễ Hội {P}', 'Nét Đẹp {P} Cùng {N}',
      '{N} Di Sản {P}', 'Phố Cổ Cùng {N}', '{N} Nghề Truyền Thống',
    ],
    places: [P.hue, P.hoian, P.hanoi, P.ninhbinh, P.hagiang, P.cantho, P.saigon, P.sapa],
    platforms: SOCIAL,
    english: 0.35,
    company: 'company-01',
  },
  history: {
    weight: 9,
    topics: ['history', 'culture', 'education', 'defence'],
    templates: [
      '{N} Kể Chuyện Sử Việt', 'Dấu Ấn {P} Cùng {N}', 'Lịch Sử 5 Phút Cùng {N}', '{N} Sử Ký',
      'Góc Sử {N}', '{N} Về Nguồn {P}', 'Nhật Ký {P} Của {N}',
    ],
    places: [P.dienbien, P.hanoi, P.hue, P.haiphong, P.saigon, P.quangtri],
    platforms: [['youtube', 40], ['facebook', 30], ['tiktok', 30]],
    english: 0.25,
    company: 'company-01',
  },
  defence: {
    weight: 8,
    topics: ['defence', 'history', 'education', 'technology'],
    templates: [
      'Góc Quân Sự {N}', '{N} Bảo Tàng Quân Sự', 'Hồ Sơ Quốc Phòng {N}', '{N} Quân Sử Việt', 'Lính Trẻ {N}',
      'Quân Sử Cùng {N}', '{N} Triển Lãm Quốc Phòng', 'Hải Quân {P} Cùng {N}',
    ],
    places: [P.hanoi, P.dienbien, P.haiphong, P.saigon, P.danang, P.nhatrang],
    platforms: [['youtube', 40], ['tiktok', 35], ['facebook', 25]],
    english: 0.2,
    company: 'company-01',
  },
  reading: {
    weight: 6,
    topics: ['education', 'culture', 'history', 'lifestyle'],
    templates: ['{N} Đọc Sách', 'Tủ Sách {N}', 'Đọc Cùng {N}', '{N} Review Sách', 'Trạm Sách {N}', '{N} Mê Sách'],
    places: [P.hanoi, P.saigon, P.danang, P.hue, P.cantho],
    platforms: [['facebook', 35], ['tiktok', 35], ['youtube', 20], ['instagram', 10]],
    english: 0.2,
    company: 'company-01',
  },
  patriotic: {
    weight: 6,
    topics: ['culture', 'history', 'defence', 'education'],
    templates: [
      'Tự Hào Việt Nam {N}', 'Việt Nam Trong Tim {N}', '{N} Yêu Tổ Quốc', 'Sắc Đỏ {P} Cùng {N}',
      '{N} Và Lá Cờ Tổ Quốc', 'Dải Đất Hình Chữ S {N}',
    ],
    places: [P.hanoi, P.dienbien, P.saigon, P.haiphong, P.hagiang, P.quangtri],
    platforms: [['tiktok', 40], ['facebook', 35], ['youtube', 25]],
    english: 0.15,
    company: 'company-01',
  },
  policy: {
    weight: 9,
    topics: ['public_services', 'policy', 'technology', 'education'],
    templates: [
      '{N} Giải Thích Chính Sách', 'Dịch Vụ Công Cùng {N}', 'Thủ Tục Online {N}', 'Chính Sách 60 Giây {N}',
      '{N} Hướng Dẫn Dịch Vụ Công', 'Luật Dễ Hiểu Cùng {N}', '{N} Công Dân Số {P}',
    ],
    places: [P.saigon, P.saigon, P.saigon, P.hanoi, P.danang, P.cantho],
    platforms: [['facebook', 35], ['tiktok', 30], ['zalo', 20], ['youtube', 15]],
    english: 0.1,
    company: 'company-02',
  },
  diaspora: {
    weight: 7,
    topics: ['diplomacy', 'culture', 'tourism', 'cuisine', 'lifestyle'],
    templates: ['{N} Ở {P}', '{N} Sống Ở {P}', 'Người Việt Tại {P} {N}', '{N} {P} Diary', '{N} In {P}', 'Bếp Việt Ở {P} {N}'],
    places: ABROAD,
    platforms: [['youtube', 35], ['instagram', 25], ['facebook', 25], ['tiktok', 15]],
    english: 0.6,
    company: 'company-02',
  },
  lifestyle: {
    weight: 6,
    topics: ['lifestyle', 'health', 'tourism', 'cuisine'],
    templates: ['{N} Vlog', '{N} Daily', 'Một Ngày Của {N}', '{N} Official', '{N} TV', 'Nhà {N}'],
    places: BIG_CITIES,
    platforms: SOCIAL,
    english: 0.3,
    company: 'company-02',
  },
  music: {
    weight: 3,
    topics: ['music', 'culture', 'lifestyle'],
    templates: ['{N} Music', '{N} Hát Dân Ca', '{N} Acoustic', 'Nhạc Cụ Dân Tộc {N}', '{N} Cải Lương'],
    places: [P.hanoi, P.saigon, P.hue, P.cantho],
    platforms: [['youtube', 45], ['tiktok', 35], ['facebook', 20]],
    english: 0.25,
    company: 'company-01',
  },
  technology: {
    weight: 3,
    topics: ['technology', 'education', 'public_services'],
    templates: ['{N} Công Nghệ', '{N} Tech', 'Chuyển Đổi Số Cùng {N}', '{N} Review Ứng Dụng'],
    places: BIG_CITIES,
    platforms: [['youtube', 40], ['tiktok', 30], ['facebook', 20], ['x', 10]],
    english: 0.45,
    company: 'company-02',
  },
  sports: {
    weight: 3,
    topics: ['sports', 'health', 'lifestyle'],
    templates: ['{N} Thể Thao', '{N} Fitness', 'Bóng Đá Cùng {N}', '{N} Chạy Bộ {P}'],
    places: BIG_CITIES,
    platforms: [['tiktok', 40], ['youtube', 30], ['facebook', 30]],
    english: 0.25,
    company: 'company-02',
  },
  green: {
    weight: 2,
    topics: ['environment', 'health', 'tourism', 'education'],
    templates: ['Sống Xanh Cùng {N}', '{N} Khỏe Mỗi Ngày', '{N} Giữ Biển {P}', 'Học Cùng {N}'],
    places: [P.halong, P.nhatrang, P.phuquoc, P.danang, P.dalat],
    platforms: SOCIAL,
    english: 0.3,
    company: 'company-01',
  },
};

const THEME_WEIGHTS = (Object.keys(THEMES) as ThemeId[]).map((id) => [id, THEMES[id].weight] as const);

// ---------------------------------------------------------------- names

const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 5], ['Phan', 4.5], ['Vũ', 3.9],
  ['Võ', 3.9], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
];
const MIDDLE_F: readonly (readonly [string, number])[] = [
  ['Thị', 30], ['Ngọc', 8], ['Thu', 6], ['Thanh', 6], ['Minh', 5], ['Hồng', 5], ['Thùy', 5], ['Phương', 4],
  ['Kim', 4], ['Bảo', 3], ['Mai', 3], ['Khánh', 3], ['Diệu', 2], ['Hải', 2],
];
const MIDDLE_M: readonly (readonly [string, number])[] = [
  ['Văn', 28], ['Minh', 8], ['Quốc', 6], ['Đức', 6], ['Hải', 5], ['Hoàng', 5], ['Thanh', 5], ['Công', 4],
  ['Hữu', 4], ['Trung', 3], ['Tuấn', 3], ['Gia', 3], ['Xuân', 3], ['Quang', 4], ['Ngọc', 2],
];
const GIVEN_F = [
  'Lan', 'Mai', 'Hương', 'Linh', 'Trang', 'Thảo', 'Hà', 'Ngân', 'Nhung', 'Hạnh', 'Yến', 'Vy', 'Trâm', 'Hằng',
  'Loan', 'Tú', 'Oanh', 'Quyên', 'Thư', 'Nhi', 'Diệp', 'Chi', 'Hiền', 'Ly', 'Phương', 'Anh', 'Uyên', 'Giang',
  'Huyền', 'Ngọc', 'Vân', 'My', 'Nga', 'Thủy', 'Dung', 'Trinh', 'Châu', 'Hoa', 'Cúc', 'Xuân',
];
const GIVEN_M = [
  'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Nam', 'Long', 'Khoa', 'Huy', 'Phong', 'Quân', 'Bình', 'Sơn', 'Trung',
  'Hiếu', 'Đạt', 'Thắng', 'Tùng', 'Vinh', 'Khánh', 'Phúc', 'Hải', 'Toàn', 'Lâm', 'Tài', 'Cường', 'Kiên',
  'Nghĩa', 'Thịnh', 'Duy', 'Anh', 'Bảo', 'Hưng', 'Lộc', 'Trí', 'Tâm', 'Việt', 'Quang', 'Thành', 'Hòa', 'Tiến',
];
const COMPOUND_F = [
  'Lan Anh', 'Minh Tú', 'Hồng Nhung', 'Bảo Ngọc', 'Thu Hà', 'Phương Linh', 'Ngọc Ánh', 'Khánh Linh',
  'Thùy Dung', 'Mai Anh', 'Hải Yến', 'Thanh Hương', 'Diệu Linh', 'Quỳnh Như', 'Bích Ngọc', 'Kim Ngân',
];
const COMPOUND_M = [
  'Quang Huy', 'Minh Khôi', 'Đức Anh', 'Gia Bảo', 'Hoàng Nam', 'Tuấn Anh', 'Bảo Long', 'Anh Tuấn',
  'Trọng Nghĩa', 'Thành Trung', 'Minh Quân', 'Đăng Khoa', 'Hữu Phước', 'Việt Hoàng', 'Tiến Dũng', 'Hải Đăng',
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
    middle = spec.middle !== undefined ? spec.middle : given.includes(' ') ? (female ? 'Thị' : null) : rng.weighted(female ? MIDDLE_F : MIDDLE_M);
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
  if (!given.includes(' ') && middle && middle !== 'Thị' && middle !== 'Văn' && rng.chance(0.5)) short = `${middle} ${given}`;
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
  NEAR_DUPLICATES[0][0], SHOWCASE[0], SHOWCASE[1], NEAR_DUPLICATES[1][0], SHOWCASE[2], SHOWCASE[3],
  NEAR_DUPLICATES[2][0], SHOWCASE[4], SHOWCASE[5], SHOWCASE[6], NEAR_DUPLICATES[0][1], SHOWCASE[7],
  SHOWCASE[8], NEAR_DUPLICATES[1][1], SHOWCASE[9], SHOWCASE[10], NEAR_DUPLICATES[2][1],
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
  /** `base` plus `suffix`, made unique with digits if taken. */
  claim(rng: Rng, base: string, suffix: string): string {
    // Keep room for up to 4 digits; a handle ends with a letter or digit.
    const stem = base.slice(0, MAX_HANDLE - suffix.length - 4).replace(/[._]+$/, '') || 'kenh';
    let handle = stem + suffix;
    if (handle.length < 5) handle += rng.digits(5 - handle.length);
    for (let tries = 0; this.used.has(handle.toLowerCase()); tries++) {
      handle = stem + suffix + rng.digits(tries < 8 ? 2 : tries < 30 ? 3 : tries < 200 ? 4 : 6);
    }
    this.reserve(handle);
    return handle;
  }
}

function handleBase(rng: Rng, displayName: string, person: Person | null, personNamed: boolean): string {
  const sep = rng.weighted([['', 70], ['.', 15], ['_', 15]] as const);
  if (personNamed && person) {
    const family = asciiWords(person.family).join('');
    const given = asciiWords(person.given).join('');
    const full = asciiWords(person.full).join('');
    const short = asciiWords(person.short).join('');
    return rng.pick([given + sep + family, family + sep + given, full, `${short}${sep}official`]);
  }
  let base = '';
  for (const word of asciiWords(displayName)) {
    const next = base ? base + sep + word : word;
    if (next.length > 20) break;
    base = next;
  }
  return base || 'kenh';
}

const EXTRA_SUFFIXES = ['.official', 'official', '_tv', 'tv', '.vn', 'vn', 'channel', '.fanpage', '_official', '.media'];

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
  const minutes = Math.floor((from + rng.next() * (to - from)) / 60_000);
  return new Date(minutes * 60_000).toISOString();
}

function makeChannel(rng: Rng, platform: Platform, handle: string, followers: number): Channel {
  const verified = followers >= 500_000 ? rng.chance(0.85) : rng.chance(0.04);
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
  const given = asciiWords(person.given).join('');
  const family = asciiWords(person.family).join('');
  const email = `${given}.${family}${String(birthYear).slice(2)}${rng.int(1, 99)}@example.vn`;
  return { legalName: person.full, nationalId, phone, email };
}

// ---------------------------------------------------------------- creators

const PERSONAL_DATA_CHANCE: Record<Status, number> = { prospect: 0.2, vetted: 0.75, active: 0.8, suspended: 0.7 };

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
  const count = rng.weighted([[1, 30], [2, 45], [3, 25]] as const);
  const topics: Topic[] = [theme.topics[0]];
  const rest = theme.topics.slice(1);
  while (topics.length < count && rest.length) topics.push(rest.splice(Math.floor(rng.next() * Math.min(rest.length, 3)), 1)[0]);
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

  const companies = COMPANIES.slice(0, Math.min(count, COMPANIES.length));
  for (const c of companies) {
    handles.reserve(c.handle);
    names.add(c.name);
    out.push({
      key: c.key,
      input: {
        kind: 'management_company',
        displayName: c.name,
        channels: [makeChannel(rng, c.platform, c.handle, rng.logUniform(80_000, 400_000))],
        topics: c.topics,
        languages: ['vi', 'en'],
        regions: c.regions,
      },
      managementCompanyKey: null,
      status: 'active',
    });
  }

  const n = count - companies.length;
  const statuses = statusQuota(rng, n);
  const presetAt = new Map<number, Preset>();
  if (n >= PRESETS.length) {
    PRESETS.forEach((preset, k) => presetAt.set(Math.floor((n * (k + 0.5)) / PRESETS.length), preset));
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
      const strict = j + companies.length < NEAR_DUPLICATE_WINDOW;
      let tries = 0;
      do {
        person = makePerson(rng);
        place = rng.pick(theme.places);
        personNamed = rng.chance(0.22);
        displayName = personNamed ? person.full : fill(rng.pick(theme.templates), person, place);
      } while (!names.accepts(displayName, strict) && ++tries < 60);
      names.add(displayName);
    }

    const status = statuses[j];
    let managementCompanyKey: string | null = null;
    if (companies.length === COMPANIES.length && rng.chance(0.3)) {
      managementCompanyKey = rng.chance(0.75) ? theme.company : theme.company === 'company-01' ? 'company-02' : 'company-01';
    }

    const hasPersonalData = preset?.personalData ?? rng.chance(PERSONAL_DATA_CHANCE[status]);
    const consentOnly = !hasPersonalData && rng.chance(0.12);
    const personalData = hasPersonalData ? makePersonalData(rng, person, place) : undefined;
    const consent = hasPersonalData || consentOnly ? makeConsent(rng, j + 1) : undefined;

    const channelCount = rng.weighted([[1, 40], [2, 40], [3, 20]] as const);
    const platforms: Platform[] = [];
    for (let tries = 0; platforms.length < channelCount && tries < 20; tries++) {
      const p = rng.weighted(theme.platforms);
      if (!platforms.includes(p)) platforms.push(p);
    }
    const base = handleBase(rng, displayName, person, personNamed);
    const primaryFollowers = followersFor(rng);
    const channels = platforms.map((platform, i) => {
      const suffix = i === 0 ? (rng.chance(0.5) ? '' : rng.digits(rng.int(2, 4))) : rng.chance(0.6) ? rng.pick(EXTRA_SUFFIXES) : '';
      const handle = handles.claim(rng, base, suffix);
      const followers = i === 0 ? primaryFollowers : Math.max(1_000, Math.round(primaryFollowers * (0.05 + rng.next() * 0.55)));
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
