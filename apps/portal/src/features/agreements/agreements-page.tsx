import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { placeFieldErrors } from '../../api/problem';
import { ListOutcome } from '../../components/list-outcome';
import { ListHead } from '../../components/page';
import { Pager } from '../../components/pager';
import { chosenFilter, typedFilter } from '../../lib/list-query';
import { useListStatus } from '../../lib/list-status';
import { useApi } from '../../lib/use-api';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useUrlFilters } from '../../lib/use-url-filters';
import { useApiClient, useSession } from '../../session/session';
import { AGREEMENT_FILTERS, AgreementSearch } from './agreement-search';
import { AgreementTable } from './agreement-table';
import { BudgetSummary } from './budget-summary';

type Summary = Schemas['AgreementPage']['items'][number];

type Filters = Record<(typeof AGREEMENT_FILTERS)[number], string>;
const PAGE_SIZES = [25, 50, 100] as const;

function queryOf(filters: Filters, limit: number, cursor: string | undefined) {
  const days = filters.expiringWithinDays.trim();
  return {
    q: typedFilter(filters.q),
    status: chosenFilter<Summary['status']>(filters.status),
    // An unreadable number is sent as typed, for the API to name (next to the field).
    expiringWithinDays: days === '' ? undefined : /^\d+$/.test(days) ? Number(days) : (days as unknown as number),
    counterpartyId: filters.counterpartyId || undefined,
    limit,
    cursor,
  };
}

/**
 * The agency's agreements: searched as you type (number, title or
 * counterparty, accents optional) and filtered, both in the address
 * (shareable, back button works), pages from the server by cursor, and the
 * year's budget on top for those who may read agreements.
 */
export default function AgreementsPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const [pageSize, setPageSize] = useState<number>(25);
  const pages = useCursorPages();
  const filters = useUrlFilters(AGREEMENT_FILTERS, pages.reset);
  const { applied, filtered } = filters;

  const query = queryOf(applied, pageSize, pages.cursor);
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/agreements', { params: { query }, signal })),
    [api, JSON.stringify(query)],
  );
  const placed = placeFieldErrors(loaded.problem?.errors ?? [], AGREEMENT_FILTERS);
  const items = loaded.data?.items ?? [];
  const counterpartyName = applied.counterpartyId
    ? items.find((a) => a.counterparty.id === applied.counterpartyId)?.counterparty.displayName
    : undefined;
  const status = useListStatus(loaded, items.length, (pages.page - 1) * pageSize + 1, {
    loading: t('agreementsArea.list.loading'),
    empty: filtered ? t('agreementsArea.list.emptyFiltered') : t('agreementsArea.list.empty'),
    showing: (range) => t('agreementsArea.list.showing', range),
  });

  return (
    <div className="page">
      <ListHead title={t('agreementsArea.list.title')} intro={t('agreementsArea.list.intro')}>
        {session.can('create', 'Agreement') && (
          <Link to="/agreements/new" className="button-link button-primary">
            {t('agreementsArea.list.new')}
          </Link>
        )}
      </ListHead>

      {session.can('read', 'Agreement') && <BudgetSummary />}

      <AgreementSearch
        filters={filters}
        errorsAt={(name) => placed.byField.get(name)}
        counterpartyName={counterpartyName}
      />

      <ListOutcome loaded={loaded} placed={placed}>
        {status}
      </ListOutcome>

      {items.length > 0 && <AgreementTable items={items} busy={loaded.state === 'loading'} />}

      <Pager
        label={t('agreementsArea.list.pagination')}
        pages={pages}
        loaded={loaded}
        pageSize={{ value: pageSize, options: PAGE_SIZES, onChange: setPageSize }}
      />
    </div>
  );
}
