import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { Agreement } from './lifecycle';

/** The status history, newest first. */
export function HistorySection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 id="history-title">{t('agreementsArea.history.title')}</h2>
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
    </section>
  );
}
