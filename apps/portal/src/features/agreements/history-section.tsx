import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { Agreement } from './lifecycle';
import { Section } from '../../components/section';

/** The status history, newest first. */
export function HistorySection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="history-title" title="agreementsArea.history.title">
      <ul className="work-list">
        {[...agreement.statusHistory].reverse().map((h, i) => (
          <li key={i}>
            <span className="work-title">
              {h.from
                ? t('agreementsArea.history.move', {
                    from: t(`enums.agreementStatus.${h.from}`),
                    to: t(`enums.agreementStatus.${h.to}`),
                  })
                : t(`enums.agreementStatus.${h.to}`)}
            </span>
            <span className="work-meta">
              {h.by} · {format.dateTime(h.at)}
            </span>
            {h.reason && <span>{h.reason}</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}
