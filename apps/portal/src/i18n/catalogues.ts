import agreementsEn from './agreements.en.json' with { type: 'json' };
import agreementsVi from './agreements.vi.json' with { type: 'json' };
import campaignsEn from './campaigns.en.json' with { type: 'json' };
import campaignsVi from './campaigns.vi.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import reportsEn from './reports.en.json' with { type: 'json' };
import reportsVi from './reports.vi.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };

/**
 * The message catalogues, one pair of files per area of the portal: `en.json` /
 * `vi.json` for the shell, sign-in, creators and review, `<area>.<language>.json`
 * for the rest. Each file owns its top-level keys (the catalogue test checks
 * that no two files define the same one), so the merge is a plain spread.
 */
export const catalogueFiles = {
  vi: { core: vi, agreements: agreementsVi, campaigns: campaignsVi, reports: reportsVi },
  en: { core: en, agreements: agreementsEn, campaigns: campaignsEn, reports: reportsEn },
} as const;

export const catalogues = {
  vi: { ...vi, ...agreementsVi, ...campaignsVi, ...reportsVi },
  en: { ...en, ...agreementsEn, ...campaignsEn, ...reportsEn },
} as const;
