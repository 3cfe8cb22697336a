import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { settle } from '../api/client';
import type { Problem } from '../api/problem';
import { Loading, ProblemAlert } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { useApi } from '../lib/use-api';
import {
  csvFileName,
  peakDay,
  reachByPlatform,
  reachOverTime,
  targetLines,
  type CampaignReport,
} from '../reports/report-data';
import { useApiClient } from '../session/session';

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };
// The chart library is large: it loads after the figures, which are all in the tables anyway.
const ReachOverTimeChart = lazy(() =>
  import('../reports/reach-charts').then((m) => ({ default: m.ReachOverTimeChart })),
);
const ReachByPlatformChart = lazy(() =>
  import('../reports/reach-charts').then((m) => ({ default: m.ReachByPlatformChart })),
);
const MEASURES = ['publications', 'views', 'likes', 'comments', 'shares'] as const;

/**
 * A campaign's report: totals against its targets, reach over time and per
 * platform (charts with a caption, a summary in words and the figures as
 * tables), reach per creator, and the same report as a CSV file.
 */
export default function CampaignReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const campaign = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}/report', { params: { path: { id } }, signal })),
    [api, id],
  );
  const title = campaign.data?.title;
  const heading = title ? t('report.title', { campaign: title }) : t('report.titlePlain');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/campaigns/${id}`}>{title ?? t('report.campaign')}</Link>
      </p>
      <div className="page-head">
        <PageHeading title={heading}>{heading}</PageHeading>
        <p className="actions">
          <Link to={`/campaigns/${id}/board`}>{t('report.boardLink')}</Link>
        </p>
      </div>
      {campaign.state === 'error' && campaign.problem.status !== 404 && (
        <ProblemAlert problem={campaign.problem} onRetry={campaign.reload} />
      )}
      {loaded.state === 'loading' && !loaded.data && <Loading label={t('report.loading')} />}
      {loaded.state === 'error' && (
        <ProblemAlert problem={loaded.problem} onRetry={loaded.problem.status === 404 ? undefined : loaded.reload} />
      )}
      {loaded.data && <ReportView report={loaded.data} campaignId={id} title={title} />}
    </div>
  );
}

function ReportView({ report, campaignId, title }: { report: CampaignReport; campaignId: string; title?: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const locale = LOCALES[i18n.language] ?? 'vi-VN';
  const days = useMemo(() => reachOverTime(report.byDay), [report.byDay]);
  const platforms = useMemo(() => reachByPlatform(report.byPlatform), [report.byPlatform]);
  const targets = targetLines(report);
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

      {nothingYet ? (
        <p className="empty">{t('report.empty')}</p>
      ) : (
        <>
          <section className="section" aria-labelledby="report-time">
            <h2 id="report-time">{t('report.time.title')}</h2>
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
              <div className="table-scroll table-tall">
                <table className="data-table">
                  <caption className="table-caption">{t('report.time.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.time.day')}</th>
                      {(['views', 'likes', 'comments', 'shares'] as const).map((m) => (
                        <th key={m} scope="col" className="numeric">
                          {t(`report.measure.${m}`)}
                        </th>
                      ))}
                      <th scope="col" className="numeric">
                        {t('report.time.added')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {days.map((d) => (
                      <tr key={d.day}>
                        <th scope="row">{format.date(d.day)}</th>
                        <td className="numeric">{format.number(d.views)}</td>
                        <td className="numeric">{format.number(d.likes)}</td>
                        <td className="numeric">{format.number(d.comments)}</td>
                        <td className="numeric">{format.number(d.shares)}</td>
                        <td className="numeric">{format.number(d.added)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="section" aria-labelledby="report-platforms">
            <h2 id="report-platforms">{t('report.platforms.title')}</h2>
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
                rowHeader={t('report.platforms.platform')}
                rows={platforms.map((p) => ({ key: p.platform, label: platformName(p.platform), figures: p }))}
              />
            )}
          </section>

          <section className="section" aria-labelledby="report-creators">
            <h2 id="report-creators">{t('report.creators.title')}</h2>
            {report.byCreator.length === 0 ? (
              <p className="empty">{t('report.creators.empty')}</p>
            ) : (
              <MeasuresTable
                caption={t('report.creators.caption')}
                rowHeader={t('report.creators.creator')}
                rows={[...report.byCreator]
                  .sort((a, b) => b.views - a.views || a.creatorName.localeCompare(b.creatorName))
                  .map((c) => ({
                    key: c.creatorId,
                    label: <Link to={`/creators/${c.creatorId}`}>{c.creatorName}</Link>,
                    figures: c,
                  }))}
              />
            )}
          </section>
        </>
      )}
    </>
  );
}

/**
 * The CSV needs the bearer token (the gateway reads no token from cookies or
 * the address), so a plain link would be refused: it is fetched with the
 * client and handed to the browser as a file.
 */
/** Publications, views, likes, comments and shares, one row per platform or creator. */
function MeasuresTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  rows: { key: string; label: ReactNode; figures: Record<(typeof MEASURES)[number], number> }[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {MEASURES.map((m) => (
              <th key={m} scope="col" className="numeric">
                {t(`report.measure.${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {MEASURES.map((m) => (
                <td key={m} className="numeric">
                  {format.number(row.figures[m])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart as a figure: its caption and a summary in words (what a screen
 * reader reads; the drawing itself is hidden from it, and the same figures
 * follow as a table), the chart's code loaded with it.
 */
function ChartFigure({
  id,
  caption,
  summary,
  chart,
}: {
  id: string;
  caption: string;
  summary: string;
  chart: ReactNode;
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <p id={`${id}-summary`} className="hint">
        {summary}
      </p>
      {chart && (
        <div aria-hidden="true" className="chart-area">
          <Suspense fallback={null}>{chart}</Suspense>
        </div>
      )}
    </figure>
  );
}

function CsvDownload({ campaignId, fileName }: { campaignId: string; fileName: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [done, setDone] = useState(false);

  async function download() {
    setBusy(true);
    setProblem(undefined);
    setDone(false);
    const result = await settle(
      api.GET('/v1/campaigns/{id}/report.csv', { params: { path: { id: campaignId } }, parseAs: 'blob' }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    const url = URL.createObjectURL(result.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setDone(true);
  }

  return (
    <div className="csv-download">
      <button
        type="button"
        className="button-secondary"
        onClick={() => void download()}
        disabled={busy}
        aria-describedby="csv-hint"
      >
        {busy ? t('report.csv.preparing') : t('report.csv.download')}
      </button>
      <p id="csv-hint" className="hint">
        {t('report.csv.hint')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {done ? t('report.csv.done', { file: fileName }) : ''}
      </p>
      {problem && <ProblemAlert problem={problem} onRetry={() => void download()} />}
    </div>
  );
}
