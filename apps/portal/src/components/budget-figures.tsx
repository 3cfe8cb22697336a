import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';

/** An agency's budget for a year: committed under signed agreements, paid, remaining, and the share paid. */
export function BudgetFigures({ budget }: { budget: { committed: number; paid: number; remaining: number } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = budget.committed > 0 ? budget.paid / budget.committed : 0;
  return (
    <>
      <dl className="figures">
        <div>
          <dt>{t('budget.committed')}</dt>
          <dd>{format.money(budget.committed)}</dd>
        </div>
        <div>
          <dt>{t('budget.paid')}</dt>
          <dd>{format.money(budget.paid)}</dd>
        </div>
        <div>
          <dt>{t('budget.remaining')}</dt>
          <dd>{format.money(budget.remaining)}</dd>
        </div>
      </dl>
      <div className="meter" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
      </div>
      <p className="work-meta">{t('budget.usedShare', { percent: format.percent(share) })}</p>
    </>
  );
}
