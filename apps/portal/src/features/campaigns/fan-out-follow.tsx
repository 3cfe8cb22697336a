import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isAbort, settle } from '../../api/client';
import type { Problem } from '../../api/problem';
import { Loading, ProblemAlert } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { progressOf, type FanOutView } from './fan-out';
import { FanOutOutcomes } from './fan-out-outcomes';

/** Polls a running fan-out until it ends (completed, failed or cancelled), then shows the outcomes. */
export function FanOutFollow({ id, pollMs }: { id: string; pollMs: number }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const location = useLocation();
  const initial = (location.state as { view?: FanOutView } | null)?.view;
  const [view, setView] = useState<FanOutView | undefined>(initial?.id === id ? initial : undefined);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if ((view && view.status !== 'running') || problem) return;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        settle(
          api.GET('/v1/fan-outs/{id}', { params: { path: { id }, query: { limit: 1 } }, signal: controller.signal }),
        ).then(
          (result) => {
            if (controller.signal.aborted) return;
            if (result.ok) setView(result.data);
            else setProblem(result.problem);
          },
          (error: unknown) => {
            if (!isAbort(error)) setProblem({ code: 'unexpected', detail: String(error) });
          },
        );
      },
      view ? pollMs : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, id, view, problem, pollMs, attempt]);

  const campaignId = view?.campaignId;
  const campaign = useApi(
    (signal) =>
      campaignId
        ? settle(api.GET('/v1/campaigns/{id}', { params: { path: { id: campaignId } }, signal }))
        : new Promise<never>(() => undefined),
    [api, campaignId],
  );
  const title = t('fanOut.follow.title');
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/campaigns">{t('campaignsArea.list.title')}</Link>
        {view && (
          <>
            {' › '}
            <Link to={`/campaigns/${view.campaignId}`}>{campaign.data?.title ?? t('fanOut.follow.campaign')}</Link>
          </>
        )}
      </p>
      <PageHeading title={title} />
      {!view && !problem && <Loading label={t('app.loading')} />}
      {problem && (
        <ProblemAlert
          problem={problem}
          onRetry={() => {
            setProblem(undefined);
            setAttempt((n) => n + 1);
          }}
        />
      )}
      {view && <ProgressPanel view={view} />}
      {view && view.status !== 'running' && <FanOutOutcomes view={view} />}
    </div>
  );
}

/** The fan-out's progress as a bar, and in words. */
function ProgressPanel({ view }: { view: FanOutView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { value, max, done } = progressOf(view);
  const counts = { offered: format.number(view.offered), skipped: format.number(view.skipped) };
  const text =
    view.status === 'failed' || view.status === 'cancelled'
      ? t(`fanOut.follow.${view.status}`, {
          ...counts,
          processed: format.number(view.processed),
          reason: view.reason ?? '',
        })
      : done
        ? t('fanOut.follow.done', { ...counts, processed: format.number(view.processed) })
        : max === undefined
          ? t('fanOut.follow.counting', { ...counts, processed: format.number(value) })
          : t('fanOut.follow.running', { ...counts, processed: format.number(value), total: format.number(max) });
  return (
    <section className="section fan-out-progress" aria-labelledby="fan-out-progress-label">
      <h2 id="fan-out-progress-title" className="visually-hidden">
        {t('fanOut.follow.progress')}
      </h2>
      <label id="fan-out-progress-label" htmlFor="fan-out-progress">
        {t('fanOut.follow.progress')}
      </label>
      {max === undefined && !done ? (
        <progress id="fan-out-progress" aria-describedby="fan-out-progress-text" />
      ) : (
        <progress id="fan-out-progress" value={value} max={max ?? 1} aria-describedby="fan-out-progress-text" />
      )}
      <p id="fan-out-progress-text" role="status" aria-live="polite">
        {text}
      </p>
    </section>
  );
}
