import i18next, { type i18n as I18n, type ParseKeysWithoutVariables } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './catalogues';

/** The portal's languages; Vietnamese first and by default. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the chosen language is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'concord.language';

export { catalogues };

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : 'vi';
  } catch {
    return 'vi';
  }
}

/** A ready i18next instance with both catalogues (they are small: a few kB each, compressed). */
export function createI18n(language: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: catalogues.vi }, en: { translation: catalogues.en } },
    lng: language,
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  syncDocumentLanguage(instance.language);
  instance.on('languageChanged', syncDocumentLanguage);
  return instance;
}

/** Switches the language and remembers it in localStorage. */
export async function setLanguage(instance: I18n, language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be disabled; the switch still applies to this page.
  }
  await instance.changeLanguage(language);
}

export function currentLanguage(instance: I18n): Language {
  return isLanguage(instance.language) ? instance.language : 'vi';
}

function syncDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * A catalogue key that needs no values: what a shared component (a table's
 * header, a section's title) takes and translates itself.
 */
export type TextKey = ParseKeysWithoutVariables;
