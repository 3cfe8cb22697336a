import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';

type Creator = Schemas['Creator'];

/** The status history, with the legal officer's overrides marked. */
export function CreatorHistory({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t('creator.history.title')}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('creator.history.change')}</th>
                <th scope="col">{t('creator.history.reason')}</th>
                <th scope="col">{t('creator.history.at')}</th>
                <th scope="col">{t('creator.history.by')}</th>
              </tr>
            </thead>
            <tbody>
              {creator.statusHistory.map((entry) => (
                <tr key={`${entry.at}-${entry.to}`}>
                  <td>
                    {entry.from
                      ? t('creator.history.moved', {
                          from: t(`enums.creatorStatus.${entry.from}`),
                          to: t(`enums.creatorStatus.${entry.to}`),
                        })
                      : t('creator.history.initial', { to: t(`enums.creatorStatus.${entry.to}`) })}
                    {entry.override && <strong className="tag tag-danger">{t('creator.history.override')}</strong>}
                  </td>
                  <td>{entry.reason}</td>
                  <td>{format.dateTime(entry.at)}</td>
                  <td className="mono">{entry.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
