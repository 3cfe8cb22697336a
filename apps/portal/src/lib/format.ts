import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findAgency } from '@concord/domain';

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Numbers, money (đồng), dates and agency names in the reader's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const locale = LOCALES[language] ?? 'vi-VN';
    const number = new Intl.NumberFormat(locale);
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    // Contract dates are calendar dates: shown as written, whatever the reader's time zone.
    // Vietnamese readers write dates as dd/mm/yyyy ("01/12/2026", not "1 thg 12, 2026").
    const numeric = language === 'vi';
    const dayMonthYear = numeric
      ? ({ day: '2-digit', month: '2-digit', year: 'numeric' } as const)
      : ({ day: 'numeric', month: 'short', year: 'numeric' } as const);
    const date = new Intl.DateTimeFormat(locale, { ...dayMonthYear, timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { ...dayMonthYear, hour: '2-digit', minute: '2-digit' });
    const languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    return {
      number: (n: number) => number.format(n),
      money: (n: number) => money.format(n),
      percent: (n: number) => percent.format(n),
      /** `2026-03-01` or an ISO time → a date. */
      date: (iso: string) => date.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** Language codes (`vi`, `en`) → their names in the reader's language, listed. */
      languages: (codes: readonly string[]) => codes.map((code) => languageNames.of(code) ?? code).join(', '),
      agency: (orgId: string) => {
        const agency = findAgency(orgId);
        if (!agency) return orgId;
        return language === 'vi' ? agency.nameVi : agency.name;
      },
    };
  }, [language]);
}
