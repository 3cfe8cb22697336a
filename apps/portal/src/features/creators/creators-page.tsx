import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CREATOR_STATUSES, PLATFORMS, TOPICS } from '@concord/domain';
import { settle, type Schemas } from '../../api/client';
import { placeFieldErrors } from '../../api/problem';
import { Field } from '../../components/field';
import { ProblemAlert, ResultStatus } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { Pager } from '../../components/pager';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useUrlFilters } from '../../lib/use-url-filters';
import { useApiClient, useSession } from '../../session/session';

type Creator = Schemas['CreatorPage']['items'][number];

const FILTERS = ['q', 'topic', 'language', 'platform', 'status', 'minFollowers'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE_SIZES = [25, 50, 100, 200] as const;
const TYPING_PAUSE_MS = 300;

/** The API query for these filters; empty ones are left out. */
function queryOf(filters: Filters, limit: number, cursor: string | undefined) {
  const minFollowers = filters.minFollowers.replace(/[\s.,]/g, '');
  return {
    q: filters.q.trim() || undefined,
    topic: (filters.topic || undefined) as Creator['topics'][number] | undefined,
    language: filters.language.trim().toLowerCase() || undefined,
    platform: (filters.platform || undefined) as Creator['channels'][number]['platform'] | undefined,
    status: (filters.status || undefined) as Creator['status'] | undefined,
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
  const format = useFormat();
  const [pageSize, setPageSize] = useState<number>(50);
  const pages = useCursorPages();
  // What is typed settles for a moment before it is searched; choices from lists apply at once.
  const { draft, applied, filtered, set, clear } = useUrlFilters(FILTERS, pages.reset, TYPING_PAUSE_MS);

  const query = queryOf(applied, pageSize, pages.cursor);
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/creators', { params: { query }, signal })),
    [api, JSON.stringify(query)],
  );
  const placed = placeFieldErrors(loaded.problem?.errors ?? [], FILTERS);

  const items = loaded.data?.items ?? [];
  const from = (pages.page - 1) * pageSize + 1;
  const status =
    loaded.state === 'loading'
      ? t('creators.loading')
      : loaded.state === 'ok'
        ? items.length === 0
          ? filtered
            ? t('creators.emptyFiltered')
            : t('creators.empty')
          : t('creators.showing', { from: format.number(from), to: format.number(from + items.length - 1) })
        : '';

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <PageHeading title={t('creators.title')}>{t('creators.title')}</PageHeading>
          <p className="lead">{t('creators.intro')}</p>
        </div>
        {session.can('create', 'Creator') && (
          <Link to="/creators/new" className="button-link button-primary">
            {t('creators.register')}
          </Link>
        )}
      </div>

      <div className="search-panel">
        <form role="search" aria-label={t('creators.search.region')} onSubmit={(e) => e.preventDefault()} noValidate>
          <Field
            id="creator-q"
            label={t('creators.search.label')}
            hint={t('creators.search.hint')}
            errors={placed.byField.get('q')}
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
            <legend>{t('creators.filters.legend')}</legend>
            <Field id="creator-topic" label={t('creators.filters.topic')} errors={placed.byField.get('topic')}>
              {(control) => (
                <select {...control} value={draft.topic} onChange={(e) => set('topic', e.target.value, true)}>
                  <option value="">{t('creators.filters.any')}</option>
                  {TOPICS.map((topic) => (
                    <option key={topic} value={topic}>
                      {t(`enums.topic.${topic}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="creator-platform" label={t('creators.filters.platform')} errors={placed.byField.get('platform')}>
              {(control) => (
                <select {...control} value={draft.platform} onChange={(e) => set('platform', e.target.value, true)}>
                  <option value="">{t('creators.filters.any')}</option>
                  {PLATFORMS.map((platform) => (
                    <option key={platform} value={platform}>
                      {t(`enums.platform.${platform}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="creator-status" label={t('creators.filters.status')} errors={placed.byField.get('status')}>
              {(control) => (
                <select {...control} value={draft.status} onChange={(e) => set('status', e.target.value, true)}>
                  <option value="">{t('creators.filters.any')}</option>
                  {CREATOR_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`enums.creatorStatus.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="creator-language"
              label={t('creators.filters.language')}
              hint={t('creators.filters.languageHint')}
              errors={placed.byField.get('language')}
            >
              {(control) => (
                <input
                  {...control}
                  value={draft.language}
                  onChange={(e) => set('language', e.target.value)}
                  maxLength={2}
                  size={4}
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field
              id="creator-min-followers"
              label={t('creators.filters.minFollowers')}
              errors={placed.byField.get('minFollowers')}
            >
              {(control) => (
                <input
                  {...control}
                  inputMode="numeric"
                  value={draft.minFollowers}
                  onChange={(e) => set('minFollowers', e.target.value)}
                  size={10}
                  autoComplete="off"
                />
              )}
            </Field>
          </fieldset>
          {filtered && (
            <button type="button" className="button-secondary" onClick={clear}>
              {t('creators.filters.clear')}
            </button>
          )}
        </form>
      </div>

      <ResultStatus loading={loaded.state === 'loading'}>{status}</ResultStatus>
      {loaded.state === 'error' && (placed.unplaced.length > 0 || !loaded.problem.errors?.length) && (
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      )}

      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-busy={loaded.state === 'loading'}>
            <caption className="visually-hidden">{t('creators.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('creators.table.name')}</th>
                <th scope="col">{t('creators.table.status')}</th>
                <th scope="col">{t('creators.table.channels')}</th>
                <th scope="col" className="numeric">
                  {t('creators.table.followers')}
                </th>
                <th scope="col">{t('creators.table.topics')}</th>
                <th scope="col">{t('creators.table.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((creator) => (
                <tr key={creator.id}>
                  <th scope="row">
                    <Link to={`/creators/${creator.id}`}>{creator.displayName}</Link>
                  </th>
                  <td>
                    <span className={`badge badge-${creator.status}`}>
                      {t(`enums.creatorStatus.${creator.status}`)}
                    </span>
                  </td>
                  <td>
                    {creator.channels.map((c) => `${t(`enums.platform.${c.platform}`)} @${c.handle}`).join(', ') ||
                      t('app.none')}
                  </td>
                  <td className="numeric">{format.number(creator.totalFollowers)}</td>
                  <td>{creator.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none')}</td>
                  <td>{format.languages(creator.languages) || t('app.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager
        label={t('creators.pagination')}
        pages={pages}
        loaded={loaded}
        pageSize={{ value: pageSize, options: PAGE_SIZES, onChange: setPageSize }}
      />
    </div>
  );
}
