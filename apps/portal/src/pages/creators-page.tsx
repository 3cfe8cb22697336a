import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigationType, useSearchParams } from 'react-router';
import { CREATOR_STATUSES, PLATFORMS, TOPICS } from '@concord/domain';
import { settle, type Schemas } from '../api/client';
import { placeFieldErrors } from '../api/problem';
import { Field } from '../components/field';
import { ProblemAlert } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { useApi, useDebounced } from '../lib/use-api';
import { useApiClient, useSession } from '../session/session';

type Creator = Schemas['CreatorPage']['items'][number];

const FILTERS = ['q', 'topic', 'language', 'platform', 'status', 'minFollowers'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE_SIZES = [25, 50, 100, 200] as const;
const TYPING_PAUSE_MS = 300;

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters;
}

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
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<Filters>(() => filtersFrom(params));
  const [pageSize, setPageSize] = useState<number>(50);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);

  // What is typed settles for a moment before it is searched; choices from lists apply at once.
  const settled = useDebounced(draft, TYPING_PAUSE_MS);
  const applied = useMemo(() => filtersFrom(params), [params]);
  const navigationType = useNavigationType();
  useEffect(() => {
    // Back and forward bring an earlier search back: show it in the fields too.
    if (navigationType === 'POP') setDraft(applied);
  }, [applied, navigationType]);
  useEffect(() => {
    if (FILTERS.every((name) => settled[name] === applied[name])) return;
    const next = new URLSearchParams();
    for (const name of FILTERS) if (settled[name]) next.set(name, settled[name]);
    setParams(next, { replace: true });
    setCursors([undefined]);
    // `applied` follows `params`; only a settled change writes the address.
  }, [settled]);

  const cursor = cursors[cursors.length - 1];
  const query = queryOf(applied, pageSize, cursor);
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/creators', { params: { query }, signal })),
    [api, JSON.stringify(query)],
  );
  const placed = placeFieldErrors(loaded.problem?.errors ?? [], FILTERS);
  const filtered = FILTERS.some((name) => applied[name] !== '');

  function set(name: keyof Filters, value: string, immediate = false) {
    const next = { ...draft, [name]: value };
    setDraft(next);
    if (immediate) {
      const nextParams = new URLSearchParams();
      for (const key of FILTERS) if (next[key]) nextParams.set(key, next[key]);
      setParams(nextParams, { replace: true });
      setCursors([undefined]);
    }
  }

  function clear() {
    const empty = filtersFrom(new URLSearchParams());
    setDraft(empty);
    setParams(new URLSearchParams(), { replace: true });
    setCursors([undefined]);
  }

  const items = loaded.data?.items ?? [];
  const from = (cursors.length - 1) * pageSize + 1;
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
          <Field id="creator-q" label={t('creators.search.label')} hint={t('creators.search.hint')} errors={placed.byField.get('q')} className="field-wide">
            {(control) => (
              <input {...control} type="search" value={draft.q} onChange={(e) => set('q', e.target.value)} autoComplete="off" spellCheck={false} />
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
            <Field id="creator-language" label={t('creators.filters.language')} hint={t('creators.filters.languageHint')} errors={placed.byField.get('language')}>
              {(control) => (
                <input {...control} value={draft.language} onChange={(e) => set('language', e.target.value)} maxLength={2} size={4} autoComplete="off" spellCheck={false} />
              )}
            </Field>
            <Field id="creator-min-followers" label={t('creators.filters.minFollowers')} errors={placed.byField.get('minFollowers')}>
              {(control) => (
                <input {...control} inputMode="numeric" value={draft.minFollowers} onChange={(e) => set('minFollowers', e.target.value)} size={10} autoComplete="off" />
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

      <p className="result-status" role="status" aria-live="polite">
        {loaded.state === 'loading' && <span className="spinner" aria-hidden="true" />}
        {status}
      </p>
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
                    <span className={`badge badge-${creator.status}`}>{t(`enums.creatorStatus.${creator.status}`)}</span>
                  </td>
                  <td>
                    {creator.channels.map((c) => `${t(`enums.platform.${c.platform}`)} @${c.handle}`).join(', ') || t('app.none')}
                  </td>
                  <td className="numeric">{format.number(creator.totalFollowers)}</td>
                  <td>{creator.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none')}</td>
                  <td>{creator.languages.join(', ') || t('app.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav className="pagination" aria-label={t('creators.pagination')}>
        <button type="button" className="button-secondary" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('creators.previous')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={!loaded.data?.nextCursor || loaded.state !== 'ok'}
          onClick={() => setCursors((c) => [...c, loaded.data!.nextCursor!])}
        >
          {t('creators.next')}
        </button>
        <label className="page-size">
          {t('creators.pageSize')}{' '}
          <select
            value={pageSize}
            onChange={(e) => {
              setPageSize(Number(e.target.value));
              setCursors([undefined]);
            }}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </nav>
    </div>
  );
}
