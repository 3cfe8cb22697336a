import { describe, expect, it } from '@jest/globals';
import {
  AGENCY_TASK_STATUSES,
  AGREEMENT_STATUSES,
  BRIEF_KINDS,
  CHECK_FINDINGS,
  CREATOR_STATUSES,
  ERROR_CODES,
  PLATFORMS,
  ROLES,
  TOPICS,
} from '@concord/domain';
import { rawCodes } from '../test/raw-codes';
import { catalogueFiles, catalogues as merged } from './catalogues';
import { createI18n } from './index';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

const catalogues = { vi: flatten(merged.vi), en: flatten(merged.en) };
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('message catalogues (vi.json, en.json and one pair per area)', () => {
  it('give each top-level key to one file only, the same file in both languages', () => {
    for (const files of Object.values(catalogueFiles)) {
      const owners = new Map<string, string[]>();
      for (const [file, catalogue] of Object.entries(files)) {
        for (const key of Object.keys(catalogue)) owners.set(key, [...(owners.get(key) ?? []), file]);
      }
      expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
    }
    for (const area of Object.keys(catalogueFiles.en) as (keyof typeof catalogueFiles.en)[]) {
      expect({ area, keys: Object.keys(catalogueFiles.vi[area]).sort() }).toEqual({
        area,
        keys: Object.keys(catalogueFiles.en[area]).sort(),
      });
    }
  });

  it('have the same keys: every text exists in both languages', () => {
    // Plural forms differ per language (English: one, other; Vietnamese: other): compared by their base key.
    const keys = (entries: Map<string, string>) =>
      new Set([...entries.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
    const vi = keys(catalogues.vi);
    const en = keys(catalogues.en);
    const onlyVi = [...vi].filter((k) => !en.has(k));
    const onlyEn = [...en].filter((k) => !vi.has(k));
    expect({ onlyVi, onlyEn }).toEqual({ onlyVi: [], onlyEn: [] });
  });

  it('give every counted text the plural forms its language has, and count with them ("1 submission", "2 submissions")', () => {
    for (const [language, entries] of Object.entries(catalogues)) {
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const bases = new Set(
        [...entries.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')),
      );
      for (const base of bases) {
        expect({ language, base, forms: forms.filter((form) => !entries.has(`${base}_${form}`)) }).toEqual({
          language,
          base,
          forms: [],
        });
      }
    }
    // An English count before a plural noun is a plural key (a bare key would say "1 submissions").
    const counted = [...catalogues.en]
      .filter(([key, text]) => /\{\{count\}\} [a-z]+s\b/.test(text) && !PLURAL_SUFFIX.test(key))
      .map(([key]) => key);
    expect(counted).toEqual([]);
    const en = createI18n('en');
    expect(en.t('reviews.caption', { count: 1 })).toBe('1 submission waiting for review');
    expect(en.t('reviews.caption', { count: 2 })).toBe('2 submissions waiting for review');
    expect(createI18n('vi').t('reviews.caption', { count: 1 })).toBe('1 bài đang chờ duyệt');
  });

  it('keep each language to itself: no Vietnamese words on English pages ("Budget (đồng)"), but for the language switch', () => {
    const vietnamese = /[đĐưƯơƠăĂâÂêÊôÔạảãàáặẳẵằắậẩẫầấẹẻẽèéệểễềếịỉĩìíọỏõòóộổỗồốợởỡờớụủũùúựửữừứỵỷỹỳý]/;
    const mixed = [...catalogues.en]
      .filter(([key, text]) => key !== 'language.vi' && vietnamese.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(mixed).toEqual([]);
  });

  it('show no raw codes: no text carries a code such as agency_review, partner_review:mofa or tiktok, facebook', () => {
    for (const [language, entries] of Object.entries(catalogues)) {
      // Hints that show what to type (`vi, en`) are the exception: there the codes are the point.
      const raw = [...entries]
        .filter(([key]) => !/(Hint|invalid_format)$/.test(key))
        .filter(([, text]) => rawCodes(text.replace(/\{\{\s*\w+\s*\}\}/g, '')).length > 0)
        .map(([key, text]) => `${key}: ${text}`);
      expect({ language, raw }).toEqual({ language, raw: [] });
    }
  });

  it('have no empty text, and the same placeholders in both languages', () => {
    for (const [key, text] of catalogues.en) {
      const other = catalogues.vi.get(key) ?? catalogues.vi.get(key.replace(PLURAL_SUFFIX, '_other')) ?? '';
      expect({ key, empty: text.trim() === '' || other.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(other) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('word every error code the API can return', () => {
    for (const [language, entries] of Object.entries(catalogues)) {
      const missing = ERROR_CODES.filter((code) => !entries.has(`problem.${code}`));
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });

  it('name every value the portal shows from the API (statuses, platforms, topics, roles, kinds, check findings)', () => {
    const needed = [
      ...PLATFORMS.map((v) => `enums.platform.${v}`),
      ...TOPICS.map((v) => `enums.topic.${v}`),
      ...CREATOR_STATUSES.map((v) => `enums.creatorStatus.${v}`),
      ...AGREEMENT_STATUSES.map((v) => `enums.agreementStatus.${v}`),
      ...AGENCY_TASK_STATUSES.map((v) => `enums.taskStatus.${v}`),
      ...BRIEF_KINDS.map((v) => `enums.contentKind.${v}`),
      ...ROLES.map((v) => `roles.${v}`),
      ...CHECK_FINDINGS.map((v) => `checkFinding.${v}`),
    ];
    for (const [language, entries] of Object.entries(catalogues)) {
      expect({ language, missing: needed.filter((key) => !entries.has(key)) }).toEqual({ language, missing: [] });
    }
  });

  it('are really in two languages: Vietnamese texts differ from the English ones', () => {
    const same = [...catalogues.en].filter(
      ([key, text]) => catalogues.vi.get(key) === text && /[a-z]{4,}\s+[a-z]{3,}/i.test(text),
    );
    // Proper names (platforms, "Concord") may match; sentences may not.
    expect(same.map(([key]) => key)).toEqual([]);
  });
});
