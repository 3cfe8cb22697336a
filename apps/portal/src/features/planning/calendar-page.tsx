import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { settle } from '../../api/client';
import { Loading, ProblemAlert } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import {
  itemLink,
  monthAgenda,
  monthKey,
  monthRange,
  parseMonth,
  shiftMonth,
  type CalendarEntry,
  type CalendarItem,
  type Month,
} from './calendar';
import { useApiClient } from '../../session/session';

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * The planning calendar, a month at a time: the campaigns running, then an
 * agenda by day of what starts, ends or falls due (briefs and assignments),
 * each linked to where it is followed. `?month=2026-12` makes a month linkable.
 */
export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const [params, setParams] = useSearchParams();
  const month = parseMonth(params.get('month'), new Date());
  const key = monthKey(month);
  const { from, to } = monthRange(month);
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/calendar', { params: { query: { from, to } }, signal })),
    [api, from, to],
  );
  const agenda = useMemo(() => monthAgenda(loaded.data?.items ?? [], month), [loaded.data, key]);
  const locale = LOCALES[i18n.language] ?? 'vi-VN';
  // Headings start with a capital, as a sentence does; the rest as the language writes it ("Tháng 12 năm 2026", not "Tháng 12 Năm 2026").
  const sentence = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  const monthName = (m: Month) =>
    sentence(
      new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(m.year, m.month - 1, 1)),
      ),
    );
  const dayName = (day: string) =>
    sentence(
      new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      ),
    );
  const go = (delta: number) => setParams({ month: monthKey(shiftMonth(month, delta)) });
  const busyDays = agenda.days.filter((d) => d.entries.length > 0);
  const title = t('calendar.title');
  // Items of the month still loading keep the previous month's on screen: say which month is shown.
  const shown = loaded.data && loaded.data.from === from;

  return (
    <div className="page">
      <PageHeading title={title} />
      <nav className="calendar-nav" aria-label={t('calendar.navLabel')}>
        <button type="button" className="button-secondary" onClick={() => go(-1)}>
          <span aria-hidden="true">← </span>
          {t('calendar.previous')}
          <span className="visually-hidden"> ({monthName(shiftMonth(month, -1))})</span>
        </button>
        <h2 className="calendar-month" aria-live="polite">
          {monthName(month)}
        </h2>
        <button type="button" className="button-secondary" onClick={() => go(1)}>
          {t('calendar.next')}
          <span className="visually-hidden"> ({monthName(shiftMonth(month, 1))})</span>
          <span aria-hidden="true"> →</span>
        </button>
      </nav>
      {loaded.state === 'loading' && <Loading label={t('calendar.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {shown && (
        <>
          <section className="section" aria-labelledby="calendar-running">
            <h3 id="calendar-running">{t('calendar.running')}</h3>
            {agenda.running.length === 0 ? (
              <p className="empty">{t('calendar.noCampaigns')}</p>
            ) : (
              <ul className="work-list">
                {agenda.running.map((campaign) => (
                  <li key={campaign.id}>
                    <Link to={itemLink(campaign)} className="work-title">
                      {campaign.title}
                    </Link>
                    <span className="work-meta">
                      <CampaignPeriod item={campaign} /> · {statusOf(t, campaign)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="section" aria-labelledby="calendar-days">
            <h3 id="calendar-days">{t('calendar.byDay')}</h3>
            {busyDays.length === 0 ? (
              <p className="empty">{t('calendar.empty')}</p>
            ) : (
              <ol className="agenda">
                {busyDays.map((day) => (
                  <li key={day.day} className="agenda-day" aria-labelledby={`day-${day.day}`}>
                    <h4 id={`day-${day.day}`}>
                      <time dateTime={day.day}>{dayName(day.day)}</time>
                    </h4>
                    <ul className="work-list">
                      {day.entries.map((entry) => (
                        <AgendaEntry key={`${entry.item.kind}-${entry.item.id}-${entry.role}`} entry={entry} />
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** A calendar item's status in words: campaigns and briefs carry their campaign's, assignments their own. */
function statusOf(t: T, item: CalendarItem): string {
  const key =
    item.kind === 'assignment' ? `enums.assignmentStatus.${item.status}` : `calendar.campaignStatus.${item.status}`;
  return (t as unknown as (k: string, o: { defaultValue: string }) => string)(key, { defaultValue: item.status });
}

function CampaignPeriod({ item }: { item: CalendarItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {t('calendar.period', { start: format.date(item.start.slice(0, 10)), end: format.date(item.end.slice(0, 10)) })}
    </>
  );
}

function AgendaEntry({ entry }: { entry: CalendarEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { item, role } = entry;
  const what =
    item.kind === 'campaign'
      ? t(role === 'starts' ? 'calendar.entry.campaignStarts' : 'calendar.entry.campaignEnds')
      : item.kind === 'brief'
        ? t('calendar.entry.briefDue')
        : t('calendar.entry.assignmentDue');
  const time = new Date(item.end);
  const overdue =
    item.kind === 'assignment' && ['offered', 'accepted'].includes(item.status) && time.getTime() < Date.now();
  return (
    <li className={overdue ? 'overdue' : undefined}>
      <span className="work-meta">
        <span className="tag tag-muted">{what}</span>
        {item.kind !== 'campaign' && <> {t('calendar.at', { time: format.dateTime(item.end) })}</>}
      </span>
      <Link to={itemLink(item)} className="work-title">
        {item.kind === 'assignment' && item.creatorName
          ? t('calendar.entry.assignmentTitle', { creator: item.creatorName, title: item.title })
          : item.title}
      </Link>
      <span className="work-meta">
        {statusOf(t, item)} {overdue && <strong className="tag tag-danger">{t('calendar.overdue')}</strong>}
      </span>
    </li>
  );
}
