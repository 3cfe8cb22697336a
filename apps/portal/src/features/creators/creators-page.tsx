import { useTranslation } from 'react-i18next';
import { settle, type Schemas } from '../../api/client';
import { ListResults } from '../../components/list-results';
import { ListHead } from '../../components/page';
import { chosenFilter, typedFilter } from '../../lib/list-query';
import { useListStatus } from '../../lib/list-status';
import { useSearchedList } from '../../lib/use-searched-list';
import { useSession } from '../../session/session';
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
  const session = useSession();
  const list = useSearchedList(CREATOR_FILTERS, {
    pageSizes: PAGE_SIZES,
    pageSize: 50,
    // What is typed settles for a moment before it is searched; choices from lists apply at once.
    typingPauseMs: TYPING_PAUSE_MS,
    query: queryOf,
    read: (api, query, signal) => settle(api.GET('/v1/creators', { params: { query }, signal })),
  });
  const { filters, loaded, placed, items } = list;
  const status = useListStatus(loaded, items.length, list.first, {
    loading: t('creators.loading'),
    empty: filters.filtered ? t('creators.emptyFiltered') : t('creators.empty'),
    showing: (range) => t('creators.showing', range),
  });

  return (
    <div className="page">
      <ListHead
        title={t('creators.title')}
        intro={t('creators.intro')}
        action={session.can('create', 'Creator') && { to: '/creators/new', label: t('creators.register') }}
      />

      <CreatorSearch filters={filters} errorsAt={(name) => placed.byField.get(name)} />

      <ListResults list={list} status={status} pagination={t('creators.pagination')}>
        <CreatorTable items={items} busy={loaded.state === 'loading'} />
      </ListResults>
    </div>
  );
}
