import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';

type Summary = Schemas['AgreementPage']['items'][number];

/** A page of agreements: number, title and kind, counterparty, status, term, budget. */
export function AgreementTable({ items, busy }: { items: Summary[]; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table" aria-busy={busy}>
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
  );
}
