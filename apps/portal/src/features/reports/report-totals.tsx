import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { targetLines, type CampaignReport } from './report-data';
import { MEASURES } from './report-figures';

/** The campaign's totals, and each against its target (with a meter of the share reached). */
export function ReportTotals({ report }: { report: CampaignReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const targets = targetLines(report);
  return (
    <section className="section" aria-labelledby="report-totals">
      <h2 id="report-totals">{t('report.totals.title')}</h2>
      <dl className="facts">
        {MEASURES.map((m) => (
          <div key={m}>
            <dt>{t(`report.measure.${m}`)}</dt>
            <dd>{format.number(report.totals[m])}</dd>
          </div>
        ))}
      </dl>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="table-caption">{t('report.targets.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.targets.measure')}</th>
              <th scope="col" className="numeric">
                {t('report.targets.actual')}
              </th>
              <th scope="col" className="numeric">
                {t('report.targets.target')}
              </th>
              <th scope="col">{t('report.targets.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((line) => (
              <tr key={line.measure}>
                <th scope="row">{t(`report.measure.${line.measure}`)}</th>
                <td className="numeric">{format.number(line.actual)}</td>
                <td className="numeric">
                  {line.target === null ? t('report.targets.none') : format.number(line.target)}
                </td>
                <td>
                  {line.share === null ? (
                    t('app.none')
                  ) : (
                    <>
                      {format.percent(line.share)}
                      <span className="meter" aria-hidden="true">
                        <span style={{ width: `${Math.min(100, Math.round(line.share * 100))}%` }} />
                      </span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
