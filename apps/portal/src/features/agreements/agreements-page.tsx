import { useTranslation } from 'react-i18next';
import { settle, type Schemas } from '../../api/client';
import { ListResults } from '../../components/list-results';
import { ListHead } from '../../components/page';
import { chosenFilter, typedFilter } from '../../lib/list-query';
import { useListStatus } from '../../lib/list-status';
import { useSearchedList } from '../../lib/use-searched-list';
import { useSession } from '../../session/session';
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
  const session = useSession();
  const list = useSearchedList(AGREEMENT_FILTERS, {
    pageSizes: PAGE_SIZES,
    query: queryOf,
    read: (api, query, signal) => settle(api.GET('/v1/agreements', { params: { query }, signal })),
  });
  const { filters, loaded, placed, items } = list;
  const { applied, filtered } = filters;
  const counterpartyName = applied.counterpartyId
    ? items.find((a) => a.counterparty.id === applied.counterpartyId)?.counterparty.displayName
    : undefined;
  const status = useListStatus(loaded, items.length, list.first, {
    loading: t('agreementsArea.list.loading'),
    empty: filtered ? t('agreementsArea.list.emptyFiltered') : t('agreementsArea.list.empty'),
    showing: (range) => t('agreementsArea.list.showing', range),
  });

  return (
    <div className="page">
      <ListHead
        title={t('agreementsArea.list.title')}
        intro={t('agreementsArea.list.intro')}
        action={session.can('create', 'Agreement') && { to: '/agreements/new', label: t('agreementsArea.list.new') }}
      />

      {session.can('read', 'Agreement') && <BudgetSummary />}

      <AgreementSearch
        filters={filters}
        errorsAt={(name) => placed.byField.get(name)}
        counterpartyName={counterpartyName}
      />

      <ListResults list={list} status={status} pagination={t('agreementsArea.list.pagination')}>
        <AgreementTable items={items} busy={loaded.state === 'loading'} />
      </ListResults>
    </div>
  );
}
