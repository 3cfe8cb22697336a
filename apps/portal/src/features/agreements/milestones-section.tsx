import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { Facts } from '../../components/facts';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';
import { milestoneTotals, type LifecycleAction } from './lifecycle';
import { AddMilestoneForm, PaymentForm } from './milestone-forms';
import type { WriteProps } from './outcome';
import { StatusBadge } from '../../components/status-badge';

/** Payment milestones and what is planned and paid of the budget; finance officers add milestones and record payments. */
export function MilestonesSection({ agreement, actions, ...outcome }: WriteProps & { actions: LifecycleAction[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = milestoneTotals(agreement);
  return (
    <Section id="milestones-title" title="agreementsArea.milestones.title">
      <Facts
        className="figures"
        facts={[
          { label: 'agreementsArea.milestones.budget', value: format.money(agreement.budget) },
          { label: 'agreementsArea.milestones.planned', value: format.money(totals.planned) },
          { label: 'agreementsArea.milestones.paid', value: format.money(totals.paid) },
          { label: 'agreementsArea.milestones.unplanned', value: format.money(totals.unplanned) },
        ]}
      />
      <div className="meter" aria-hidden="true">
        <span
          style={{
            width: `${agreement.budget > 0 ? Math.min(100, Math.round((totals.paid / agreement.budget) * 100)) : 0}%`,
          }}
        />
      </div>
      <DataTable
        rows={agreement.milestones}
        rowKey={(m) => m.id}
        caption={t('agreementsArea.milestones.caption')}
        empty="agreementsArea.milestones.empty"
        columns={[
          { id: 'label', header: 'agreementsArea.milestones.label', rowHeader: true, cell: (m) => m.label },
          { id: 'dueDate', header: 'agreementsArea.milestones.dueDate', cell: (m) => format.date(m.dueDate) },
          {
            id: 'amount',
            header: 'agreementsArea.milestones.amount',
            numeric: true,
            cell: (m) => format.money(m.amount),
          },
          {
            id: 'status',
            header: 'agreementsArea.milestones.status',
            cell: (m) => (
              <StatusBadge of={`milestone-${m.status}`}>{t(`agreementsArea.milestoneStatus.${m.status}`)}</StatusBadge>
            ),
          },
          {
            id: 'payment',
            header: 'agreementsArea.milestones.payment',
            cell: (m) =>
              m.status === 'paid' && m.paidAt
                ? t('agreementsArea.milestones.paidLine', {
                    date: format.dateTime(m.paidAt),
                    by: m.paidBy ?? '',
                    reference: m.paymentReference ?? '',
                  })
                : t('app.none'),
          },
        ]}
      />
      <div className="review-grid">
        {actions.includes('add_milestone') && <AddMilestoneForm agreement={agreement} {...outcome} />}
        {actions.includes('pay_milestone') && <PaymentForm agreement={agreement} {...outcome} />}
      </div>
    </Section>
  );
}
