import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ListResults } from '../../components/list-results';
import { PageHeading } from '../../components/page';
import { useFormat } from '../../lib/format';
import { useListStatus } from '../../lib/list-status';
import { usePagedRead } from '../../lib/use-paged-read';

const PAGE_SIZE = 50;

/** The public register of partnerships: open to everyone, no sign-in; the whole of it as CSV. */
export default function PublicRegisterPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { pages, loaded } = usePagedRead(
    (api, cursor, signal) =>
      settle(api.GET('/v1/public/partnerships', { params: { query: { limit: PAGE_SIZE, cursor } }, signal })),
    [],
  );
  const items = loaded.data?.items ?? [];
  const status = useListStatus(loaded, items.length, 1, {
    loading: t('publicRegister.loading'),
    empty: t('publicRegister.empty'),
  });

  return (
    <div className="page">
      <PageHeading title={t('publicRegister.title')} />
      <p className="lead">{t('publicRegister.intro')}</p>
      <p>
        <a className="button-link button-secondary" href="/v1/public/partnerships.csv" download>
          {t('publicRegister.csv')}
        </a>
      </p>
      <ListResults list={{ loaded, pages, items }} status={status} pagination={t('publicRegister.pagination')}>
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
      </ListResults>
    </div>
  );
}
