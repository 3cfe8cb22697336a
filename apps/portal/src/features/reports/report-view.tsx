import { lazy, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { useFormat } from '../../lib/format';
import { CsvDownload } from './csv-download';
import { csvFileName, peakDay, reachByPlatform, reachOverTime, type CampaignReport } from './report-data';
import { ChartFigure, MeasuresTable } from './report-figures';
import { ReportTotals } from './report-totals';
import { Section } from '../../components/section';

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };
// The chart library is large: it loads after the figures, which are all in the tables anyway.
const ReachOverTimeChart = lazy(() => import('./reach-charts').then((m) => ({ default: m.ReachOverTimeChart })));
const ReachByPlatformChart = lazy(() => import('./reach-charts').then((m) => ({ default: m.ReachByPlatformChart })));

/**
 * The report once read: when it was made and the CSV, totals against targets,
 * reach over time and per platform (charts, summaries in words, tables), reach per creator.
 */
export function ReportView({
  report,
  campaignId,
  title,
}: {
  report: CampaignReport;
  campaignId: string;
  title?: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const locale = LOCALES[i18n.language] ?? 'vi-VN';
  const days = useMemo(() => reachOverTime(report.byDay), [report.byDay]);
  const platforms = useMemo(() => reachByPlatform(report.byPlatform), [report.byPlatform]);
  const peak = peakDay(days);
  const compact = useMemo(
    () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }),
    [locale],
  );
  const shortDay = useMemo(
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    [locale],
  );
  const text = { views: t('report.measure.views'), number: format.number, compact: (n: number) => compact.format(n) };
  const day = (iso: string) => shortDay.format(new Date(`${iso}T00:00:00Z`));
  const platformName = (p: string) =>
    (t as unknown as (k: string, o: { defaultValue: string }) => string)(`enums.platform.${p}`, { defaultValue: p });
  const nothingYet = report.totals.publications === 0 && days.length === 0;

  return (
    <>
      <div className="report-bar">
        <p className="hint">{t('report.generatedAt', { date: format.dateTime(report.generatedAt) })}</p>
        <CsvDownload campaignId={campaignId} fileName={csvFileName(title, report.generatedAt)} />
      </div>

      <ReportTotals report={report} />

      {nothingYet ? (
        <p className="empty">{t('report.empty')}</p>
      ) : (
        <>
          <Section id="report-time" title="report.time.title">
            <ChartFigure
              id="report-time"
              caption={t('report.time.caption')}
              summary={
                peak
                  ? t('report.time.summary', {
                      total: format.number(days[days.length - 1].views),
                      first: format.date(days[0].day),
                      last: format.date(days[days.length - 1].day),
                      peakDay: format.date(peak.day),
                      peak: format.number(peak.added),
                    })
                  : t('report.time.none')
              }
              chart={days.length > 0 && <ReachOverTimeChart points={days} text={text} day={day} />}
            />
            {days.length > 0 && (
              <DataTable
                rows={days}
                rowKey={(d) => d.day}
                caption={t('report.time.tableCaption')}
                captionClassName="table-caption"
                scrollClassName="table-tall"
                columns={[
                  { id: 'day', header: 'report.time.day', rowHeader: true, cell: (d) => format.date(d.day) },
                  ...(['views', 'likes', 'comments', 'shares'] as const).map((m) => ({
                    id: m,
                    header: `report.measure.${m}` as const,
                    numeric: true,
                    cell: (d: (typeof days)[number]) => format.number(d[m]),
                  })),
                  { id: 'added', header: 'report.time.added', numeric: true, cell: (d) => format.number(d.added) },
                ]}
              />
            )}
          </Section>

          <Section id="report-platforms" title="report.platforms.title">
            <ChartFigure
              id="report-platforms"
              caption={t('report.platforms.caption')}
              summary={
                platforms.length > 0
                  ? t('report.platforms.summary', {
                      count: platforms.length,
                      top: platformName(platforms[0].platform),
                      views: format.number(platforms[0].views),
                    })
                  : t('report.platforms.none')
              }
              chart={
                platforms.length > 0 && <ReachByPlatformChart points={platforms} text={text} platform={platformName} />
              }
            />
            {platforms.length > 0 && (
              <MeasuresTable
                caption={t('report.platforms.tableCaption')}
                rowHeader="report.platforms.platform"
                rows={platforms.map((p) => ({ key: p.platform, label: platformName(p.platform), figures: p }))}
              />
            )}
          </Section>

          <Section id="report-creators" title="report.creators.title">
            {report.byCreator.length === 0 ? (
              <p className="empty">{t('report.creators.empty')}</p>
            ) : (
              <MeasuresTable
                caption={t('report.creators.caption')}
                rowHeader="report.creators.creator"
                rows={[...report.byCreator]
                  .sort((a, b) => b.views - a.views || a.creatorName.localeCompare(b.creatorName))
                  .map((c) => ({
                    key: c.creatorId,
                    label: <Link to={`/creators/${c.creatorId}`}>{c.creatorName}</Link>,
                    figures: c,
                  }))}
              />
            )}
          </Section>
        </>
      )}
    </>
  );
}
