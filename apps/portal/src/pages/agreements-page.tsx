import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGREEMENT_STATUSES } from '@concord/domain';
import { settle, type Schemas } from '../api/client';
import { placeFieldErrors } from '../api/problem';
import { Field } from '../components/field';
import { Loading, ProblemAlert, ResultStatus } from '../components/messages';
import { BudgetFigures } from '../components/budget-figures';
import { PageHeading } from '../components/page';
import { Pager } from '../components/pager';
import { useFormat } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useCursorPages } from '../lib/use-cursor-pages';
import { useUrlFilters } from '../lib/use-url-filters';
import { useApiClient, useSession } from '../session/session';

type Summary = Schemas['AgreementPage']['items'][number];

const FILTERS = ['q', 'status', 'expiringWithinDays', 'counterpartyId'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE_SIZES = [25, 50, 100] as const;

function queryOf(filters: Filters, limit: number, cursor: string | undefined) {
  const days = filters.expiringWithinDays.trim();
  return {
    q: filters.q.trim() || undefined,
    status: (filters.status || undefined) as Summary['status'] | undefined,
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
  const format = useFormat();
  const [pageSize, setPageSize] = useState<number>(25);
  const pages = useCursorPages();
  const { draft, applied, filtered, set, clear } = useUrlFilters(FILTERS, pages.reset);

  const query = queryOf(applied, pageSize, pages.cursor);
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/agreements', { params: { query }, signal })),
    [api, JSON.stringify(query)],
  );
  const placed = placeFieldErrors(loaded.problem?.errors ?? [], FILTERS);
  const items = loaded.data?.items ?? [];
  const from = (pages.page - 1) * pageSize + 1;
  const counterpartyName = applied.counterpartyId
    ? items.find((a) => a.counterparty.id === applied.counterpartyId)?.counterparty.displayName
    : undefined;
  const status =
    loaded.state === 'loading'
      ? t('agreementsArea.list.loading')
      : loaded.state === 'ok'
        ? items.length === 0
          ? filtered
            ? t('agreementsArea.list.emptyFiltered')
            : t('agreementsArea.list.empty')
          : t('agreementsArea.list.showing', { from: format.number(from), to: format.number(from + items.length - 1) })
        : '';

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <PageHeading title={t('agreementsArea.list.title')}>{t('agreementsArea.list.title')}</PageHeading>
          <p className="lead">{t('agreementsArea.list.intro')}</p>
        </div>
        {session.can('create', 'Agreement') && (
          <Link to="/agreements/new" className="button-link button-primary">
            {t('agreementsArea.list.new')}
          </Link>
        )}
      </div>

      {session.can('read', 'Agreement') && <BudgetSummary />}

      <div className="search-panel">
        <form
          role="search"
          aria-label={t('agreementsArea.list.search')}
          onSubmit={(e) => e.preventDefault()}
          noValidate
        >
          <Field
            id="agreement-q"
            label={t('agreementsArea.list.q')}
            hint={t('agreementsArea.list.qHint')}
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
            <legend>{t('agreementsArea.list.filters')}</legend>
            <Field id="agreement-status" label={t('agreementsArea.list.status')} errors={placed.byField.get('status')}>
              {(control) => (
                <select {...control} value={draft.status} onChange={(e) => set('status', e.target.value, true)}>
                  <option value="">{t('agreementsArea.list.any')}</option>
                  {AGREEMENT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`enums.agreementStatus.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="agreement-expiring"
              label={t('agreementsArea.list.expiring')}
              hint={t('agreementsArea.list.expiringHint')}
              errors={placed.byField.get('expiringWithinDays')}
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

      <ResultStatus loading={loaded.state === 'loading'}>{status}</ResultStatus>
      {loaded.state === 'error' && (placed.unplaced.length > 0 || !loaded.problem.errors?.length) && (
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      )}

      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-busy={loaded.state === 'loading'}>
            <caption className="visually-hidden">{t('agreementsArea.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreementsArea.list.number')}</th>
                <th scope="col">{t('agreementsArea.list.agreementTitle')}</th>
                <th scope="col">{t('agreementsArea.list.counterparty')}</th>
                <th scope="col">{t('agreementsArea.list.status')}</th>
                <th scope="col">{t('agreementsArea.list.term')}</th>
                <th scope="col" className="numeric">
                  {t('agreementsArea.list.budget')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((agreement) => (
                <tr key={agreement.id}>
                  <th scope="row" className="mono">
                    <Link to={`/agreements/${agreement.id}`}>{agreement.number}</Link>
                  </th>
                  <td>
                    <Link to={`/agreements/${agreement.id}`}>{agreement.title}</Link>
                    <span className="work-meta"> · {t(`agreementsArea.kind.${agreement.kind}`)}</span>
                  </td>
                  <td>
                    <Link to={`/creators/${agreement.counterparty.id}`}>{agreement.counterparty.displayName}</Link>
                  </td>
                  <td>
                    <span className={`badge badge-${agreement.status}`}>
                      {t(`enums.agreementStatus.${agreement.status}`)}
                    </span>
                  </td>
                  <td>
                    {t('agreementsArea.termValue', {
                      start: format.date(agreement.term.start),
                      end: format.date(agreement.term.end),
                    })}
                  </td>
                  <td className="numeric">{format.money(agreement.budget)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pager
        label={t('agreementsArea.list.pagination')}
        pages={pages}
        loaded={loaded}
        pageSize={{ value: pageSize, options: PAGE_SIZES, onChange: setPageSize }}
      />
    </div>
  );
}

/** This year's budget of the user's agency: committed under signed agreements, paid, remaining. */
function BudgetSummary() {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const year = new Date().getFullYear();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/agreements/budget', { params: { query: { year } }, signal })),
    [api, year],
  );
  const mine = loaded.data?.agencies.find((a) => a.agencyId === session.me?.agency?.id);
  return (
    <section className="section agreements-budget" aria-labelledby="agreements-budget-title">
      <h2 id="agreements-budget-title">{t('agreementsArea.budget.title', { year })}</h2>
      {loaded.state === 'loading' && !loaded.data && <Loading label={t('agreementsArea.budget.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.data && !mine && <p className="empty">{t('agreementsArea.budget.empty', { year })}</p>}
      {mine && <BudgetFigures budget={mine} />}
    </section>
  );
}
