import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '@concord/domain';
import type { FieldProblem } from '../../api/problem';
import { EnumSelect, enumValue } from '../../components/enum-select';
import { Field } from '../../components/field';
import type { UrlFilters } from '../../lib/use-url-filters';

export const AGREEMENT_FILTERS = ['q', 'status', 'expiringWithinDays', 'counterpartyId'] as const;
type FilterName = (typeof AGREEMENT_FILTERS)[number];

/** The agreements' search box and filters (status, expiring within days, one counterparty). */
export function AgreementSearch({
  filters: { draft, applied, filtered, set, clear },
  errorsAt,
  counterpartyName,
}: {
  filters: UrlFilters<FilterName>;
  errorsAt: (name: FilterName) => FieldProblem[] | undefined;
  counterpartyName?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="search-panel">
      <form role="search" aria-label={t('agreementsArea.list.search')} onSubmit={(e) => e.preventDefault()} noValidate>
        <Field
          id="agreement-q"
          label={t('agreementsArea.list.q')}
          hint={t('agreementsArea.list.qHint')}
          errors={errorsAt('q')}
          className="field-wide"
        >
          {(control) => (
            <input
              {...control}
              type="search"
              value={draft.q}
              onChange={(e) => set('q', e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <fieldset className="filters">
          <legend>{t('agreementsArea.list.filters')}</legend>
          <Field id="agreement-status" label={t('agreementsArea.list.status')} errors={errorsAt('status')}>
            {(control) => (
              <EnumSelect
                {...control}
                values={AGREEMENT_STATUSES}
                text={(status) => t(`enums.agreementStatus.${status}`)}
                any={t('agreementsArea.list.any')}
                value={enumValue(AGREEMENT_STATUSES, draft.status)}
                onChange={(status) => set('status', status, true)}
              />
            )}
          </Field>
          <Field
            id="agreement-expiring"
            label={t('agreementsArea.list.expiring')}
            hint={t('agreementsArea.list.expiringHint')}
            errors={errorsAt('expiringWithinDays')}
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                value={draft.expiringWithinDays}
                onChange={(e) => set('expiringWithinDays', e.target.value)}
                size={6}
                autoComplete="off"
              />
            )}
          </Field>
        </fieldset>
        {applied.counterpartyId && (
          <p className="hint">
            {t('agreementsArea.list.counterpartyFilter', { name: counterpartyName ?? applied.counterpartyId })}{' '}
            <button type="button" className="button-link-plain" onClick={() => set('counterpartyId', '', true)}>
              {t('agreementsArea.list.allCounterparties')}
            </button>
          </p>
        )}
        {filtered && (
          <button type="button" className="button-secondary" onClick={clear}>
            {t('agreementsArea.list.clear')}
          </button>
        )}
      </form>
    </div>
  );
}
