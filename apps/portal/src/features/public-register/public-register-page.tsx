import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { Loading, ProblemAlert } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { Pager } from '../../components/pager';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useApiClient } from '../../session/session';

const PAGE_SIZE = 50;

/** The public register of partnerships: open to everyone, no sign-in; the whole of it as CSV. */
export default function PublicRegisterPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const pages = useCursorPages();
  const loaded = useApi(
    (signal) =>
      settle(
        api.GET('/v1/public/partnerships', { params: { query: { limit: PAGE_SIZE, cursor: pages.cursor } }, signal }),
      ),
    [api, pages.cursor],
  );
  const items = loaded.data?.items ?? [];

  return (
    <div className="page">
      <PageHeading title={t('publicRegister.title')}>{t('publicRegister.title')}</PageHeading>
      <p className="lead">{t('publicRegister.intro')}</p>
      <p>
        <a className="button-link button-secondary" href="/v1/public/partnerships.csv" download>
          {t('publicRegister.csv')}
        </a>
      </p>
      {loaded.state === 'loading' && <Loading label={t('publicRegister.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.state === 'ok' && items.length === 0 && <p className="empty">{t('publicRegister.empty')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-busy={loaded.state === 'loading'}>
            <caption className="visually-hidden">{t('publicRegister.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('publicRegister.table.number')}</th>
                <th scope="col">{t('publicRegister.table.counterparty')}</th>
                <th scope="col">{t('publicRegister.table.title')}</th>
                <th scope="col">{t('publicRegister.table.agency')}</th>
                <th scope="col">{t('publicRegister.table.term')}</th>
                <th scope="col" className="numeric">
                  {t('publicRegister.table.budget')}
                </th>
                <th scope="col">{t('publicRegister.table.label')}</th>
                <th scope="col">{t('publicRegister.table.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.number}>
                  <th scope="row" className="mono">
                    {p.number}
                  </th>
                  <td>{p.counterparty.displayName}</td>
                  <td>{p.title}</td>
                  <td>{format.agency(p.agency.id)}</td>
                  <td>
                    {t('creator.agreements.termValue', {
                      start: format.date(p.term.start),
                      end: format.date(p.term.end),
                    })}
                  </td>
                  <td className="numeric">{format.money(p.budget)}</td>
                  <td>
                    <span className="label-chip">{p.disclosureLabel}</span>
                  </td>
                  <td>{t(`enums.agreementStatus.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label={t('publicRegister.pagination')} pages={pages} loaded={loaded} />
    </div>
  );
}
