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
    const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      number: (n: number) => number.format(n),
      money: (n: number) => money.format(n),
      percent: (n: number) => percent.format(n),
      /** `2026-03-01` or an ISO time → a date. */
      date: (iso: string) => date.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      agency: (orgId: string) => {
        const agency = findAgency(orgId);
        if (!agency) return orgId;
        return language === 'vi' ? agency.nameVi : agency.name;
      },
    };
  }, [language]);
}
