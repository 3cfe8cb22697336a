import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { milestoneTotals, type LifecycleAction } from './lifecycle';
import { AddMilestoneForm, PaymentForm } from './milestone-forms';
import type { WriteProps } from './outcome';

/** Payment milestones and what is planned and paid of the budget; finance officers add milestones and record payments. */
export function MilestonesSection({ agreement, actions, ...outcome }: WriteProps & { actions: LifecycleAction[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = milestoneTotals(agreement);
  return (
    <section className="section" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t('agreementsArea.milestones.title')}</h2>
      <dl className="figures">
        <div>
          <dt>{t('agreementsArea.milestones.budget')}</dt>
          <dd>{format.money(agreement.budget)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.milestones.planned')}</dt>
          <dd>{format.money(totals.planned)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.milestones.paid')}</dt>
          <dd>{format.money(totals.paid)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.milestones.unplanned')}</dt>
          <dd>{format.money(totals.unplanned)}</dd>
        </div>
      </dl>
      <div className="meter" aria-hidden="true">
        <span
          style={{
            width: `${agreement.budget > 0 ? Math.min(100, Math.round((totals.paid / agreement.budget) * 100)) : 0}%`,
          }}
        />
      </div>
      {agreement.milestones.length === 0 ? (
        <p className="empty">{t('agreementsArea.milestones.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('agreementsArea.milestones.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreementsArea.milestones.label')}</th>
                <th scope="col">{t('agreementsArea.milestones.dueDate')}</th>
                <th scope="col" className="numeric">
                  {t('agreementsArea.milestones.amount')}
                </th>
                <th scope="col">{t('agreementsArea.milestones.status')}</th>
                <th scope="col">{t('agreementsArea.milestones.payment')}</th>
              </tr>
            </thead>
            <tbody>
              {agreement.milestones.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.label}</th>
                  <td>{format.date(m.dueDate)}</td>
                  <td className="numeric">{format.money(m.amount)}</td>
                  <td>
                    <span className={`badge badge-milestone-${m.status}`}>
                      {t(`agreementsArea.milestoneStatus.${m.status}`)}
                    </span>
                  </td>
                  <td>
                    {m.status === 'paid' && m.paidAt
                      ? t('agreementsArea.milestones.paidLine', {
                          date: format.dateTime(m.paidAt),
                          by: m.paidBy ?? '',
                          reference: m.paymentReference ?? '',
                        })
                      : t('app.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="review-grid">
        {actions.includes('add_milestone') && <AddMilestoneForm agreement={agreement} {...outcome} />}
        {actions.includes('pay_milestone') && <PaymentForm agreement={agreement} {...outcome} />}
      </div>
    </section>
  );
}
