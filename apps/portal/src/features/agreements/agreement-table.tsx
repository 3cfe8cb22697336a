import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../components/status-badge';

type Summary = Schemas['AgreementPage']['items'][number];

/** A page of agreements: number, title and kind, counterparty, status, term, budget. */
export function AgreementTable({ items, busy }: { items: Summary[]; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      rows={items}
      rowKey={(agreement) => agreement.id}
      busy={busy}
      caption={t('agreementsArea.list.caption')}
      columns={[
        {
          id: 'number',
          header: 'agreementsArea.list.number',
          rowHeader: true,
          className: 'mono',
          cell: (agreement) => <Link to={`/agreements/${agreement.id}`}>{agreement.number}</Link>,
        },
        {
          id: 'title',
          header: 'agreementsArea.list.agreementTitle',
          cell: (agreement) => (
            <>
              <Link to={`/agreements/${agreement.id}`}>{agreement.title}</Link>
              <span className="work-meta"> · {t(`agreementsArea.kind.${agreement.kind}`)}</span>
            </>
          ),
        },
        {
          id: 'counterparty',
          header: 'agreementsArea.list.counterparty',
          cell: ({ counterparty }) => <Link to={`/creators/${counterparty.id}`}>{counterparty.displayName}</Link>,
        },
        {
          id: 'status',
          header: 'agreementsArea.list.status',
          cell: (agreement) => (
            <StatusBadge of={agreement.status}>{t(`enums.agreementStatus.${agreement.status}`)}</StatusBadge>
          ),
        },
        {
          id: 'term',
          header: 'agreementsArea.list.term',
          cell: ({ term }) =>
            t('agreementsArea.termValue', { start: format.date(term.start), end: format.date(term.end) }),
        },
        {
          id: 'budget',
          header: 'agreementsArea.list.budget',
          numeric: true,
          cell: (agreement) => format.money(agreement.budget),
        },
      ]}
    />
  );
}
