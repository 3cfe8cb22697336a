import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { Facts } from '../../components/facts';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';
import { targetLines, type CampaignReport } from './report-data';
import { MEASURES } from './report-figures';

/** The campaign's totals, and each against its target (with a meter of the share reached). */
export function ReportTotals({ report }: { report: CampaignReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section id="report-totals" title="report.totals.title">
      <Facts facts={MEASURES.map((m) => ({ label: `report.measure.${m}`, value: format.number(report.totals[m]) }))} />
      <DataTable
        rows={targetLines(report)}
        rowKey={(line) => line.measure}
        caption={t('report.targets.caption')}
        captionClassName="table-caption"
        columns={[
          {
            id: 'measure',
            header: 'report.targets.measure',
            rowHeader: true,
            cell: (line) => t(`report.measure.${line.measure}`),
          },
          { id: 'actual', header: 'report.targets.actual', numeric: true, cell: (line) => format.number(line.actual) },
          {
            id: 'target',
            header: 'report.targets.target',
            numeric: true,
            cell: (line) => (line.target === null ? t('report.targets.none') : format.number(line.target)),
          },
          {
            id: 'progress',
            header: 'report.targets.progress',
            cell: (line) =>
              line.share === null ? (
                t('app.none')
              ) : (
                <>
                  {format.percent(line.share)}
                  <span className="meter" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, Math.round(line.share * 100))}%` }} />
                  </span>
                </>
              ),
          },
        ]}
      />
    </Section>
  );
}
