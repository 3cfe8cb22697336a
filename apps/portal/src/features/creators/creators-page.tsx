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
import { CREATOR_FILTERS, CreatorSearch } from './creator-search';
import { CreatorTable } from './creator-table';

type Creator = Schemas['CreatorPage']['items'][number];

type Filters = Record<(typeof CREATOR_FILTERS)[number], string>;
const PAGE_SIZES = [25, 50, 100, 200] as const;
const TYPING_PAUSE_MS = 300;

/** The API query for these filters; empty ones are left out. */
function queryOf(filters: Filters, limit: number, cursor: string | undefined) {
  const minFollowers = filters.minFollowers.replace(/[\s.,]/g, '');
  return {
    q: typedFilter(filters.q),
    topic: chosenFilter<Creator['topics'][number]>(filters.topic),
    language: filters.language.trim().toLowerCase() || undefined,
    platform: chosenFilter<Creator['channels'][number]['platform']>(filters.platform),
    status: chosenFilter<Creator['status']>(filters.status),
    minFollowers: minFollowers === '' ? undefined : Number(minFollowers),
    limit,
    cursor,
  };
}

/**
 * The registry, searched as you type: the filters live in the address (a
 * search can be shared and the back button works), pages come from the
 * server by cursor, so 100,000 creators cost the browser one page.
 */
export default function CreatorsPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const [pageSize, setPageSize] = useState<number>(50);
  const pages = useCursorPages();
  // What is typed settles for a moment before it is searched; choices from lists apply at once.
  const filters = useUrlFilters(CREATOR_FILTERS, pages.reset, TYPING_PAUSE_MS);
  const { applied, filtered } = filters;

  const query = queryOf(applied, pageSize, pages.cursor);
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/creators', { params: { query }, signal })),
    [api, JSON.stringify(query)],
  );
  const placed = placeFieldErrors(loaded.problem?.errors ?? [], CREATOR_FILTERS);

  const items = loaded.data?.items ?? [];
  const status = useListStatus(loaded, items.length, (pages.page - 1) * pageSize + 1, {
    loading: t('creators.loading'),
    empty: filtered ? t('creators.emptyFiltered') : t('creators.empty'),
    showing: (range) => t('creators.showing', range),
  });

  return (
    <div className="page">
      <ListHead title={t('creators.title')} intro={t('creators.intro')}>
        {session.can('create', 'Creator') && (
          <Link to="/creators/new" className="button-link button-primary">
            {t('creators.register')}
          </Link>
        )}
      </ListHead>

      <CreatorSearch filters={filters} errorsAt={(name) => placed.byField.get(name)} />

      <ListOutcome loaded={loaded} placed={placed}>
        {status}
      </ListOutcome>

      {items.length > 0 && <CreatorTable items={items} busy={loaded.state === 'loading'} />}

      <Pager
        label={t('creators.pagination')}
        pages={pages}
        loaded={loaded}
        pageSize={{ value: pageSize, options: PAGE_SIZES, onChange: setPageSize }}
      />
    </div>
  );
}
