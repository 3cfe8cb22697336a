import 'i18next';
import type { catalogues } from './catalogues';

// Static keys in `t('…')` are checked by the compiler against the English catalogues
// (the catalogue test keeps vi.json's keys the same).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof catalogues)['en'] };
    returnNull: false;
  }
}
