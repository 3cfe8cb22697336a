import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { DataTable } from '../../components/data-table';
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
      <PageHeading title={t('publicRegister.title')} />
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
        <DataTable
          rows={items}
          rowKey={(p) => p.number}
          busy={loaded.state === 'loading'}
          caption={t('publicRegister.table.caption')}
          columns={[
            {
              id: 'number',
              header: 'publicRegister.table.number',
              rowHeader: true,
              className: 'mono',
              cell: (p) => p.number,
            },
            {
              id: 'counterparty',
              header: 'publicRegister.table.counterparty',
              cell: (p) => p.counterparty.displayName,
            },
            { id: 'title', header: 'publicRegister.table.title', cell: (p) => p.title },
            { id: 'agency', header: 'publicRegister.table.agency', cell: (p) => format.agency(p.agency.id) },
            {
              id: 'term',
              header: 'publicRegister.table.term',
              cell: ({ term }) =>
                t('creator.agreements.termValue', { start: format.date(term.start), end: format.date(term.end) }),
            },
            { id: 'budget', header: 'publicRegister.table.budget', numeric: true, cell: (p) => format.money(p.budget) },
            {
              id: 'label',
              header: 'publicRegister.table.label',
              cell: (p) => <span className="label-chip">{p.disclosureLabel}</span>,
            },
            {
              id: 'status',
              header: 'publicRegister.table.status',
              cell: (p) => t(`enums.agreementStatus.${p.status}`),
            },
          ]}
        />
      )}
      <Pager label={t('publicRegister.pagination')} pages={pages} loaded={loaded} />
    </div>
  );
}
