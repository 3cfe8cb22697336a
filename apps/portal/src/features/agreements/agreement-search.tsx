import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '@concord/domain';
import type { FieldProblem } from '../../api/problem';
import { EnumField } from '../../components/enum-field';
import { filterFields, SearchPanel } from '../../components/search-panel';
import type { UrlFilters } from '../../lib/use-url-filters';
import { TextField } from '../../components/text-field';

export const AGREEMENT_FILTERS = ['q', 'status', 'expiringWithinDays', 'counterpartyId'] as const;
type FilterName = (typeof AGREEMENT_FILTERS)[number];

/** The agreements' search box and filters (status, expiring within days, one counterparty). */
export function AgreementSearch({
  filters,
  errorsAt,
  counterpartyName,
}: {
  filters: UrlFilters<FilterName>;
  errorsAt: (name: FilterName) => FieldProblem[] | undefined;
  counterpartyName?: string;
}) {
  const { t } = useTranslation();
  const { applied, set } = filters;
  const field = filterFields(filters, errorsAt, t('agreementsArea.list.any'));
  return (
    <SearchPanel
      id="agreement-q"
      label={t('agreementsArea.list.search')}
      search={{ label: t('agreementsArea.list.q'), hint: t('agreementsArea.list.qHint') }}
      filters={filters}
      errors={errorsAt('q')}
      legend={t('agreementsArea.list.filters')}
      clearLabel={t('agreementsArea.list.clear')}
      note={
        applied.counterpartyId && (
          <p className="hint">
            {t('agreementsArea.list.counterpartyFilter', { name: counterpartyName ?? applied.counterpartyId })}{' '}
            <button type="button" className="button-link-plain" onClick={() => set('counterpartyId', '', true)}>
              {t('agreementsArea.list.allCounterparties')}
            </button>
          </p>
        )
      }
    >
      <EnumField
        {...field.choice('agreement-status', 'status', AGREEMENT_STATUSES)}
        label={t('agreementsArea.list.status')}
        text={(status) => t(`enums.agreementStatus.${status}`)}
      />
      <TextField
        {...field.text('agreement-expiring', 'expiringWithinDays')}
        label={t('agreementsArea.list.expiring')}
        hint={t('agreementsArea.list.expiringHint')}
        inputMode="numeric"
        size={6}
      />
    </SearchPanel>
  );
}
