import type { TFunction } from 'i18next';
import type { CheckFinding, LimitOverrun } from '@concord/domain';

interface CheckView {
  finding?: CheckFinding;
  values?: string[];
  overruns?: LimitOverrun[];
  detail: string;
}

/**
 * A check's finding in the reader's language, from its code and values; the
 * API's English detail only for versions checked before findings had codes.
 */
export function checkFindingText(
  t: TFunction,
  check: CheckView,
  context: { platform: string; mediaCount: number },
): string {
  if (!check.finding) return check.detail;
  const values = (check.values ?? []).join(', ');
  const quoted = (check.values ?? []).map((v) => `“${v}”`).join('; ');
  const platform = t(`enums.platform.${context.platform}` as 'enums.platform.tiktok', {
    defaultValue: context.platform,
  });
  const overruns = (check.overruns ?? [])
    .map((o) => t(`checkFinding.part.${o.part}`, { length: o.length, limit: o.limit }))
    .join(', ');
  return t(`checkFinding.${check.finding}`, { values, quoted, platform, overruns, count: context.mediaCount });
}

/**
 * A review stage's name: the default workflow's stages by name, a partner's
 * stage (`partner_review:<agency>`) with the agency's name, a campaign's own
 * stage keys as they were written.
 */
export function stageName(t: TFunction, agencyName: (orgId: string) => string, key: string): string {
  const [base, agency] = key.split(':', 2) as [string, string | undefined];
  const name = t(`stageName.${base}` as 'stageName.legal', { defaultValue: base });
  return agency ? t('stageName.withAgency', { name, agency: agencyName(agency) }) : name;
}
