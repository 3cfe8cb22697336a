import { describe, expect, it } from '@jest/globals';
import {
  AGENCY_TASK_STATUSES, AGREEMENT_STATUSES, BRIEF_KINDS, CHECK_FINDINGS, CREATOR_STATUSES, ERROR_CODES, PLATFORMS, ROLES, TOPICS,
} from '@concord/domain';
import { catalogueFiles, catalogues as merged } from './catalogues';

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
      expect({ area, keys: Object.keys(catalogueFiles.vi[area]).sort() }).toEqual({ area, keys: Object.keys(catalogueFiles.en[area]).sort() });
    }
  });

  it('have the same keys: every text exists in both languages', () => {
    const onlyVi = [...catalogues.vi.keys()].filter((k) => !catalogues.en.has(k));
    const onlyEn = [...catalogues.en.keys()].filter((k) => !catalogues.vi.has(k));
    expect({ onlyVi, onlyEn }).toEqual({ onlyVi: [], onlyEn: [] });
  });

  it('have no empty text, and the same placeholders in both languages', () => {
    for (const [key, text] of catalogues.en) {
      const other = catalogues.vi.get(key) ?? '';
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
    const same = [...catalogues.en].filter(([key, text]) => catalogues.vi.get(key) === text && /[a-z]{4,}\s+[a-z]{3,}/i.test(text));
    // Proper names (platforms, "Concord") may match; sentences may not.
    expect(same.map(([key]) => key)).toEqual([]);
  });
});
