import en from './en.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };
import agreementsEn from '../features/agreements/agreements.en.json' with { type: 'json' };
import agreementsVi from '../features/agreements/agreements.vi.json' with { type: 'json' };
import campaignsEn from '../features/campaigns/campaigns.en.json' with { type: 'json' };
import campaignsVi from '../features/campaigns/campaigns.vi.json' with { type: 'json' };
import contentEn from '../features/content/content.en.json' with { type: 'json' };
import contentVi from '../features/content/content.vi.json' with { type: 'json' };
import creatorsEn from '../features/creators/creators.en.json' with { type: 'json' };
import creatorsVi from '../features/creators/creators.vi.json' with { type: 'json' };
import homeEn from '../features/home/home.en.json' with { type: 'json' };
import homeVi from '../features/home/home.vi.json' with { type: 'json' };
import planningEn from '../features/planning/planning.en.json' with { type: 'json' };
import planningVi from '../features/planning/planning.vi.json' with { type: 'json' };
import publicRegisterEn from '../features/public-register/public-register.en.json' with { type: 'json' };
import publicRegisterVi from '../features/public-register/public-register.vi.json' with { type: 'json' };
import reportsEn from '../features/reports/reports.en.json' with { type: 'json' };
import reportsVi from '../features/reports/reports.vi.json' with { type: 'json' };
import signInEn from '../features/sign-in/sign-in.en.json' with { type: 'json' };
import signInVi from '../features/sign-in/sign-in.vi.json' with { type: 'json' };

/**
 * The message catalogues: `en.json` / `vi.json` here for what every page
 * shares (the shell, problems and field errors, the domain's enums, roles),
 * and one pair per feature next to its code (`features/<area>/<area>.<language>.json`).
 * Each file owns its top-level keys (the catalogue test checks that no two
 * files define the same one), so the merge is a plain spread.
 */
export const catalogueFiles = {
  vi: {
    core: vi,
    agreements: agreementsVi,
    campaigns: campaignsVi,
    content: contentVi,
    creators: creatorsVi,
    home: homeVi,
    planning: planningVi,
    publicRegister: publicRegisterVi,
    reports: reportsVi,
    signIn: signInVi,
  },
  en: {
    core: en,
    agreements: agreementsEn,
    campaigns: campaignsEn,
    content: contentEn,
    creators: creatorsEn,
    home: homeEn,
    planning: planningEn,
    publicRegister: publicRegisterEn,
    reports: reportsEn,
    signIn: signInEn,
  },
} as const;

export const catalogues = {
  vi: {
    ...vi,
    ...agreementsVi,
    ...campaignsVi,
    ...contentVi,
    ...creatorsVi,
    ...homeVi,
    ...planningVi,
    ...publicRegisterVi,
    ...reportsVi,
    ...signInVi,
  },
  en: {
    ...en,
    ...agreementsEn,
    ...campaignsEn,
    ...contentEn,
    ...creatorsEn,
    ...homeEn,
    ...planningEn,
    ...publicRegisterEn,
    ...reportsEn,
    ...signInEn,
  },
} as const;
