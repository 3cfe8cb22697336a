import 'i18next';
import type en from './en.json';

// Static keys in `t('…')` are checked by the compiler against the English catalogue
// (the catalogue test keeps vi.json's keys the same).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
