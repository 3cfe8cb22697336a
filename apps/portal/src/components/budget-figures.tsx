import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { Facts } from './facts';

/** An agency's budget for a year: committed under signed agreements, paid, remaining, and the share paid. */
export function BudgetFigures({ budget }: { budget: { committed: number; paid: number; remaining: number } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = budget.committed > 0 ? budget.paid / budget.committed : 0;
  return (
    <>
      <Facts
        className="figures"
        facts={[
          { label: 'budget.committed', value: format.money(budget.committed) },
          { label: 'budget.paid', value: format.money(budget.paid) },
          { label: 'budget.remaining', value: format.money(budget.remaining) },
        ]}
      />
      <div className="meter" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
      </div>
      <p className="work-meta">{t('budget.usedShare', { percent: format.percent(share) })}</p>
    </>
  );
}
