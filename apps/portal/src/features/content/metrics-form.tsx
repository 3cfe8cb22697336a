import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import type { Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import type { OnDone, Submission } from './submission';
import { Section } from '../../components/section';
import { keyed } from '../../lib/idempotency';
import { TextArea, TextField } from '../../components/text-field';

const COUNTERS = ['views', 'likes', 'comments', 'shares'] as const;
type CounterReading = { at: string } & Record<(typeof COUNTERS)[number], number>;
const FALLEN = 'metrics.counter_decreased';

/**
 * Reach as the platform shows it. Counters only grow: when the API refuses
 * figures below the last reading (409 `metrics.counter_decreased`), the form
 * says which, with both figures, and offers to send them as a correction with
 * a reason (which the API stores and audits).
 */
export function MetricsForm({
  publication,
  onDone,
}: {
  publication: NonNullable<Submission['publication']>;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const [correcting, setCorrecting] = useState(false);
  // Whether the submission on its way is the correction (its own button), or a reading.
  const correction = useRef(false);
  const form = useForm({
    initial: { views: '', likes: '', comments: '', shares: '', reason: '' },
    request: (values) => {
      const n = (s: string) => Number(s.replace(/[\s.,]/g, '') || '0');
      const body = {
        at: new Date().toISOString(),
        views: n(values.views),
        likes: n(values.likes),
        comments: n(values.comments),
        shares: n(values.shares),
        ...(correction.current ? { correction: { reason: values.reason.trim() } } : {}),
      };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/publications/{id}/metrics', { params: keyed(key, { id: publication.id }), body })),
      };
    },
    pathOf: (field) => (field === 'reason' ? 'correction.reason' : field),
    onDone: () => {
      setCorrecting(false);
      onDone(t(correction.current ? 'submission.metrics.corrected' : 'submission.metrics.done'));
    },
    onRefused: (problem) => {
      if (problem?.code === FALLEN) setCorrecting(true);
    },
  });
  const { values, problem } = form;
  const at = (path: string) => form.errors.filter((e) => e.path === path);
  const latest = publication.latestMetrics;
  const fallen = problem?.code === FALLEN ? problem : undefined;
  const send = (asCorrection: boolean) => {
    correction.current = asCorrection;
    return form.submit();
  };
  return (
    <Section id="metrics-title" title="submission.metrics.title">
      <p>
        <a href={publication.url} rel="noreferrer" target="_blank">
          {publication.url}
        </a>{' '}
        · {format.dateTime(publication.publishedAt)}
      </p>
      {latest && (
        <p className="hint">
          {t('submission.metrics.latest', { views: format.number(latest.views), date: format.dateTime(latest.at) })}
        </p>
      )}
      {fallen ? (
        <CounterFallen problem={fallen} />
      ) : (
        problem && !form.errors.length && <ProblemAlert problem={problem} />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(false);
        }}
        noValidate
        aria-busy={form.busy}
      >
        <div className="field-row">
          {COUNTERS.map((k) => (
            <TextField
              key={k}
              id={`metrics-${k}`}
              label={t(`submission.metrics.${k}`)}
              errors={at(k)}
              problem={problem}
              inputMode="numeric"
              value={values[k]}
              onChange={(e) => form.set(k, e.target.value)}
            />
          ))}
        </div>
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t('submission.metrics.submit')}
        </button>
        {correcting && (
          <>
            <TextArea
              id="metrics-correction"
              label={t('submission.metrics.correctionReason')}
              hint={t('submission.metrics.correctionHint')}
              errors={at('correction.reason')}
              problem={problem}
              rows={2}
              {...form.bind('reason')}
            />
            <button type="button" className="button-secondary" disabled={form.busy} onClick={() => void send(true)}>
              {t('submission.metrics.sendCorrection')}
            </button>
          </>
        )}
      </form>
    </Section>
  );
}

/** Which counters fell, with the figure reported before (or after) and the one sent. */
function CounterFallen({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sent = problem.sent as CounterReading | undefined;
  const previous = problem.previous as CounterReading | undefined;
  const next = problem.next as CounterReading | undefined;
  const fallen = (problem.errors ?? []).map((e) => ({
    counter: e.path.replace(/^input\./, '') as (typeof COUNTERS)[number],
    below: e.code === 'below_previous',
  }));
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('submission.metrics.fallen')}</p>
      <ul>
        {fallen.map(({ counter, below }) => {
          const other = below ? previous : next;
          if (!COUNTERS.includes(counter) || !sent || !other) return null;
          return (
            <li key={counter}>
              {t(below ? 'submission.metrics.below' : 'submission.metrics.above', {
                measure: t(`submission.metrics.${counter}`),
                sent: format.number(sent[counter]),
                other: format.number(other[counter]),
                date: format.dateTime(other.at),
              })}
            </li>
          );
        })}
      </ul>
      <p>{t('submission.metrics.correctOrFix')}</p>
    </div>
  );
}
