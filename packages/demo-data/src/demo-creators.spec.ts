import { describe, expect, it } from '@jest/globals';
import { foldText, RegisterCreatorInput } from '@concord/domain';
import { DEMO_NEAR_DUPLICATE_PAIRS, demoCreators, type DemoCreator } from './demo-creators';

const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const URL_PREFIX: Record<string, string> = {
  tiktok: 'https://www.tiktok.com/@',
  youtube: 'https://www.youtube.com/@',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  x: 'https://x.com/',
  zalo: 'https://zalo.me/',
};

/** pg_trgm's similarity(), as the registry's duplicates list computes it on folded names. */
function trgmSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const set = new Set<string>();
    for (const w of s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)) {
      const p = `  ${w} `;
      for (let i = 0; i < p.length - 2; i++) set.add(p.slice(i, i + 3));
    }
    return set;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}

const individuals = (all: DemoCreator[]) => all.filter((c) => c.input.kind === 'individual');
const share = (part: number, whole: number) => part / whole;

describe('demoCreators', () => {
  const all = demoCreators();

  it('gives 200 creators by default, with seed 2024, and any count asked for', () => {
    expect(all).toHaveLength(200);
    expect(demoCreators(200, 2024)).toEqual(all);
    expect(demoCreators(0)).toEqual([]);
    expect(demoCreators(1).map((c) => c.key)).toEqual(['company-01']);
    expect(demoCreators(37)).toHaveLength(37);
    expect(new Set(all.map((c) => c.key)).size).toBe(200);
    expect(() => demoCreators(-1)).toThrow(RangeError);
  });

  it('is deterministic: same seed, same data; another seed, other data', () => {
    expect(demoCreators(300, 7)).toEqual(demoCreators(300, 7));
    const other = demoCreators(200, 2025);
    expect(other).not.toEqual(all);
    const names = new Set(all.map((c) => c.input.displayName));
    const sameNames = other.filter((c) => names.has(c.input.displayName)).length;
    expect(sameNames).toBeLessThan(60); // companies and showcase names recur, the rest is new
    const handles = new Set(all.flatMap((c) => c.input.channels.map((ch) => ch.handle)));
    expect(other.flatMap((c) => c.input.channels).filter((ch) => handles.has(ch.handle)).length).toBeLessThan(60);
  });

  it('gives inputs that RegisterCreatorInput accepts unchanged', () => {
    for (const batch of [all, demoCreators(3000, 99)]) {
      for (const c of batch) {
        const parsed = RegisterCreatorInput.safeParse(c.input);
        if (!parsed.success) throw new Error(`${c.key}: ${JSON.stringify(parsed.error.issues)}`);
        expect(parsed.data).toEqual(c.input);
      }
    }
  });

  // How fast it is belongs to `npm run bench` (which seeds 100,000), not to a timed assertion here.
  it('makes 100,000 creators, with handles unique case-insensitively and URLs of their platform', () => {
    const many = demoCreators(100_000, 100_000);
    expect(many).toHaveLength(100_000);
    const seen = new Set<string>();
    const bad: string[] = [];
    let channels = 0;
    for (const c of many) {
      for (const ch of c.input.channels) {
        channels++;
        seen.add(ch.handle.toLowerCase());
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{4,23}$/.test(ch.handle)) bad.push(`${c.key}: handle ${ch.handle}`);
        if (ch.url !== URL_PREFIX[ch.platform] + ch.handle) bad.push(`${c.key}: ${ch.platform} ${ch.url}`);
      }
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBe(channels);
    expect(new Set(many.map((c) => c.key)).size).toBe(100_000);
  });

  it('puts the two management companies first; members point at them', () => {
    const [a, b] = all;
    for (const company of [a, b]) {
      expect(company.input.kind).toBe('management_company');
      expect(company.input.displayName).toMatch(/^Công ty /);
      expect(company.input.personalData ?? null).toBeNull();
      expect(company.input.channels).toHaveLength(1);
      expect(['facebook', 'youtube']).toContain(company.input.channels[0].platform);
      expect(company.managementCompanyKey).toBeNull();
    }
    const rest = all.slice(2);
    expect(rest.every((c) => c.input.kind === 'individual')).toBe(true);
    const byKey = new Map(all.map((c) => [c.key, c]));
    const members = rest.filter((c) => c.managementCompanyKey !== null);
    for (const m of members) expect(byKey.get(m.managementCompanyKey!)?.input.kind).toBe('management_company');
    expect(share(members.length, rest.length)).toBeGreaterThan(0.2);
    expect(share(members.length, rest.length)).toBeLessThan(0.4);
    expect(new Set(members.map((m) => m.managementCompanyKey)).size).toBe(2);
  });

  it('stores personal data only with consent, for about 60% of individuals', () => {
    const people = individuals(all);
    const withData = people.filter((c) => c.input.personalData);
    for (const c of withData) {
      const pd = c.input.personalData!;
      expect(c.input.consent).toBeTruthy();
      expect(FAMILY_NAMES).toContain(pd.legalName.split(' ')[0]);
      expect(pd.nationalId).toMatch(/^\d{12}$/);
      expect(pd.phone).toMatch(/^\+849\d{8}$/);
      expect(pd.email).toMatch(/^[a-z0-9.]+@example\.vn$/);
    }
    expect(share(withData.length, people.length)).toBeGreaterThan(0.5);
    expect(share(withData.length, people.length)).toBeLessThan(0.7);
    expect(people.filter((c) => c.input.consent && !c.input.personalData).length).toBeGreaterThan(0);
    expect(demoCreators(20_000, 3).filter((c) => c.input.personalData && !c.input.consent)).toEqual([]);
  });

  it('has realistic channels, topics, languages and regions', () => {
    const channels = all.flatMap((c) => c.input.channels);
    for (const c of individuals(all)) {
      expect(c.input.channels.length).toBeGreaterThanOrEqual(1);
      expect(c.input.channels.length).toBeLessThanOrEqual(3);
      expect(new Set(c.input.channels.map((ch) => ch.platform)).size).toBe(c.input.channels.length);
      expect(c.input.topics.length).toBeGreaterThanOrEqual(1);
      expect(c.input.topics.length).toBeLessThanOrEqual(3);
      expect(c.input.languages).toContain('vi');
      expect(c.input.regions.length).toBeGreaterThanOrEqual(1);
      expect(c.input.regions.length).toBeLessThanOrEqual(2);
    }
    expect(channels.every((ch) => ch.followers >= 1000 && ch.followers <= 20_000_000)).toBe(true);
    const mid = channels.filter((ch) => ch.followers >= 10_000 && ch.followers <= 500_000).length;
    expect(share(mid, channels.length)).toBeGreaterThan(0.6);
    const big = channels.filter((ch) => ch.followers >= 500_000);
    expect(share(big.filter((ch) => ch.verified).length, big.length)).toBeGreaterThan(0.6);
    const small = channels.filter((ch) => ch.followers < 500_000);
    expect(share(small.filter((ch) => ch.verified).length, small.length)).toBeLessThan(0.15);
    const people = individuals(all);
    const english = people.filter((c) => c.input.languages.includes('en')).length;
    expect(share(english, people.length)).toBeGreaterThan(0.2);
    expect(share(english, people.length)).toBeLessThan(0.5);
    const languages = new Set(people.flatMap((c) => c.input.languages));
    expect([...languages].filter((l) => ['fr', 'zh', 'ko', 'ja'].includes(l)).length).toBeGreaterThanOrEqual(2);
    expect(people.some((c) => c.input.regions.includes('VN-SG') && c.input.topics.includes('public_services'))).toBe(
      true,
    );
    expect(people.some((c) => c.input.regions.includes('VN-71'))).toBe(true);
  });

  it('mixes person names with channel names', () => {
    const people = individuals(all);
    const named = people.filter((c) => FAMILY_NAMES.includes(c.input.displayName.split(' ')[0]));
    expect(share(named.length, people.length)).toBeGreaterThan(0.1);
    expect(share(named.length, people.length)).toBeLessThan(0.4);
    const displayNames = all.map((c) => c.input.displayName);
    for (const name of [
      'Hùng Phượt Việt',
      'Bếp Nhà Mai',
      'Sử Việt Kể Chuyện',
      'Góc Nhìn Quân Sự',
      'Sách Hay Mỗi Ngày',
    ]) {
      expect(displayNames).toContain(name);
    }
  });

  it('holds exactly the three deliberate near-duplicate pairs', () => {
    expect(DEMO_NEAR_DUPLICATE_PAIRS).toHaveLength(3);
    const names = all.map((c) => c.input.displayName);
    for (const [a, b] of DEMO_NEAR_DUPLICATE_PAIRS) {
      const ca = all.find((c) => c.input.displayName === a)!;
      const cb = all.find((c) => c.input.displayName === b)!;
      expect(ca).toBeDefined();
      expect(cb).toBeDefined();
      const handlesA = ca.input.channels.map((ch) => ch.handle.toLowerCase());
      expect(cb.input.channels.some((ch) => handlesA.includes(ch.handle.toLowerCase()))).toBe(false);
    }
    // What the registrar's duplicates list (similarity ≥ 0.6 on folded names) would show.
    const folded = names.map(foldText);
    const flagged: string[] = [];
    for (let i = 0; i < folded.length; i++) {
      for (let j = i + 1; j < folded.length; j++) {
        if (trgmSimilarity(folded[i], folded[j]) >= 0.6) flagged.push([names[i], names[j]].sort().join(' | '));
      }
    }
    expect(flagged.sort()).toEqual(DEMO_NEAR_DUPLICATE_PAIRS.map((p) => [...p].sort().join(' | ')).sort());
    // Other seeds and sizes keep them too.
    const names2 = new Set(demoCreators(500, 11).map((c) => c.input.displayName));
    for (const [a, b] of DEMO_NEAR_DUPLICATE_PAIRS) expect(names2.has(a) && names2.has(b)).toBe(true);
  });

  it('mixes statuses about 40% active, 25% vetted, 25% prospect, 10% suspended', () => {
    const people = individuals(all);
    const count = (s: DemoCreator['status']) => people.filter((c) => c.status === s).length;
    expect(share(count('active'), people.length)).toBeCloseTo(0.4, 1);
    expect(share(count('vetted'), people.length)).toBeCloseTo(0.25, 1);
    expect(share(count('prospect'), people.length)).toBeCloseTo(0.25, 1);
    expect(share(count('suspended'), people.length)).toBeCloseTo(0.1, 1);
    expect(all.slice(0, 2).every((c) => c.status === 'active')).toBe(true);
    expect(all.every((c) => ['prospect', 'vetted', 'active', 'suspended'].includes(c.status))).toBe(true);
  });
});
