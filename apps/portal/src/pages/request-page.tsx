import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useArrivalState } from '../lib/arrival-state';
import { settle, type Result, type Schemas } from '../api/client';
import { placeFieldErrors, type FieldProblem, type Problem } from '../api/problem';
import { apiFieldErrors, wordAreaCodes, withoutPath } from '../campaigns/form-helpers';
import {
  COUNTER_FIELD_PATHS,
  COUNTER_FORM_PATHS,
  buildCounter,
  counterDraftFrom,
  inputIdOf,
  requestActions,
  validateCounter,
  type CampaignRequestView,
  type CounterDraft,
  type RequestAction,
} from '../campaigns/request-form';
import { Field } from '../components/field';
import { FieldErrors, Loading, ProblemAlert, SuccessNotice } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { createIdempotencyKeys } from '../lib/idempotency';
import { useApi } from '../lib/use-api';
import { useApiClient, useSession } from '../session/session';

interface Notice {
  text: string;
}

/**
 * One joint campaign request: what was asked, the counter-proposal if any,
 * its history, and the answers the user may give (accept, propose other
 * terms, decline with a reason; the requester accepts a counter-proposal or
 * withdraws).
 */
export default function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const arrival = useArrivalState<{ sent: boolean }>();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/campaign-requests/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  const [notice, setNotice] = useState<Notice | undefined>(() =>
    arrival.sent ? { text: t('requests.detail.sent') } : undefined,
  );
  const request = loaded.data;
  const done = (next: Notice) => {
    setNotice(next);
    loaded.reload();
  };
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/requests">{t('requests.title')}</Link>
      </p>
      <PageHeading title={request?.title ?? t('requests.detail.title')}>
        {request?.title ?? t('requests.detail.title')}
      </PageHeading>
      <SuccessNotice message={notice?.text} />
      {loaded.state === 'loading' && !request && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {request && <RequestView request={request} onDone={done} reload={loaded.reload} />}
    </div>
  );
}

function RequestView({
  request,
  onDone,
  reload,
}: {
  request: CampaignRequestView;
  onDone: (notice: Notice) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const actions = requestActions(request, {
    agencyId: session.me?.agency?.id,
    canAnswer: session.can('answer', 'CampaignRequest'),
    canFollowUp: session.can('follow_up', 'CampaignRequest'),
  });
  const period = (p: { start: string; end: string }) =>
    t('requests.period', { start: format.date(p.start), end: format.date(p.end) });
  const counter = request.counterProposal;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('requests.detail.status')}</dt>
          <dd>
            <span className={`badge badge-${request.status}`}>{t(`requests.status.${request.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('requests.detail.from')}</dt>
          <dd>{format.agency(request.fromAgencyId)}</dd>
        </div>
        <div>
          <dt>{t('requests.detail.to')}</dt>
          <dd>{format.agency(request.toAgencyId)}</dd>
        </div>
        <div>
          <dt>{t('requests.detail.period')}</dt>
          <dd>{period(request.proposedPeriod)}</dd>
        </div>
        <div>
          <dt>{t('requests.detail.deadline')}</dt>
          <dd>{format.dateTime(request.responseDeadline)}</dd>
        </div>
        <div>
          <dt>{t('requests.detail.sentAt')}</dt>
          <dd>{t('requests.detail.sentBy', { date: format.dateTime(request.createdAt), by: request.createdBy })}</dd>
        </div>
      </dl>

      {request.campaignId && (
        <p className="panel">
          <Link to={`/campaigns/${request.campaignId}`} className="button-link">
            {t('requests.detail.openCampaign')}
          </Link>
        </p>
      )}

      <section className="section" aria-labelledby="request-what-title">
        <h2 id="request-what-title">{t('requests.detail.what')}</h2>
        <h3>{t('requests.detail.objective')}</h3>
        <p>{request.objective}</p>
        <h3>{t('requests.detail.keyMessages')}</h3>
        <ul>
          {request.keyMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        <h3>{t('requests.detail.deliverables')}</h3>
        <p>{request.expectedDeliverables}</p>
      </section>

      {counter && (
        <section className="section" aria-labelledby="request-counter-title">
          <h2 id="request-counter-title">{t('requests.detail.counterTitle')}</h2>
          <p className="work-meta">
            {t('requests.detail.counterBy', { by: counter.by, date: format.dateTime(counter.at) })}
          </p>
          <dl className="facts facts-compact">
            <div>
              <dt>{t('requests.detail.period')}</dt>
              <dd>{period(counter.proposedPeriod)}</dd>
            </div>
          </dl>
          {counter.keyMessages && (
            <>
              <h3>{t('requests.detail.keyMessages')}</h3>
              <ul>
                {counter.keyMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('requests.detail.counterMessage')}</h3>
          <p>{counter.message}</p>
        </section>
      )}

      {actions.length > 0 && <Answers request={request} actions={actions} onDone={onDone} reload={reload} />}

      <section className="section" aria-labelledby="request-history-title">
        <h2 id="request-history-title">{t('requests.detail.history')}</h2>
        <ol className="work-list">
          {request.statusHistory.map((h, i) => (
            <li key={i}>
              <span className="work-title">{t(`requests.status.${h.to}`)}</span>
              <span className="work-meta">
                {h.by} · {format.dateTime(h.at)}
              </span>
              {h.reason && <span>{h.reason}</span>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

type Send = (body: Record<string, unknown>, key: string) => Promise<Result<CampaignRequestView>>;

/** The answers open to the user, each a small form. */
function Answers({
  request,
  actions,
  onDone,
  reload,
}: {
  request: CampaignRequestView;
  actions: RequestAction[];
  onDone: (notice: Notice) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const path = { id: request.id };
  const post =
    (
      to:
        | '/v1/campaign-requests/{id}/accept'
        | '/v1/campaign-requests/{id}/decline'
        | '/v1/campaign-requests/{id}/withdraw',
    ): Send =>
    (body, key) =>
      settle(
        api.POST(to, {
          params: { path, header: { 'Idempotency-Key': key } },
          body: body as Schemas['Note'] & Schemas['CampaignReason'],
        }),
      );
  return (
    <section className="section" aria-labelledby="request-answer-title">
      <h2 id="request-answer-title">{t('requests.answer.title')}</h2>
      {actions.includes('accept') && (
        <NoteForm
          id="accept"
          intro={t('requests.answer.acceptIntro')}
          label={t('requests.answer.note')}
          submit={t('requests.answer.accept')}
          send={post('/v1/campaign-requests/{id}/accept')}
          onDone={() => onDone({ text: t('requests.answer.accepted') })}
          reload={reload}
        />
      )}
      {actions.includes('accept_counter') && (
        <NoteForm
          id="accept-counter"
          intro={t('requests.answer.acceptCounterIntro')}
          label={t('requests.answer.note')}
          submit={t('requests.answer.acceptCounter')}
          send={post('/v1/campaign-requests/{id}/accept')}
          onDone={() => onDone({ text: t('requests.answer.accepted') })}
          reload={reload}
        />
      )}
      {actions.includes('counter') && (
        <CounterForm
          request={request}
          onDone={() => onDone({ text: t('requests.answer.countered') })}
          reload={reload}
        />
      )}
      {actions.includes('decline') && (
        <NoteForm
          id="decline"
          open={t('requests.answer.declineOpen')}
          label={t('requests.answer.reason')}
          required
          field="reason"
          submit={t('requests.answer.decline')}
          send={post('/v1/campaign-requests/{id}/decline')}
          onDone={() => onDone({ text: t('requests.answer.declined') })}
          reload={reload}
        />
      )}
      {actions.includes('withdraw') && (
        <NoteForm
          id="withdraw"
          open={t('requests.answer.withdrawOpen')}
          label={t('requests.answer.note')}
          submit={t('requests.answer.withdraw')}
          send={post('/v1/campaign-requests/{id}/withdraw')}
          onDone={() => onDone({ text: t('requests.answer.withdrawn') })}
          reload={reload}
        />
      )}
    </section>
  );
}

/** A refused answer: a stale request (someone answered meanwhile) is explained and reloaded. */
function useAnswer(reload: () => void) {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(createIdempotencyKeys, []);
  async function run<T>(
    body: Record<string, unknown>,
    send: (body: Record<string, unknown>, key: string) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    setBusy(true);
    setProblem(undefined);
    const result = await send(body, key(body));
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      if (result.problem.status === 409 || result.problem.status === 412) reload();
    }
    return result;
  }
  return { problem, setProblem, busy, run };
}

function StaleOrProblem({ problem, fieldErrors }: { problem: Problem; fieldErrors: boolean }): ReactNode {
  const { t } = useTranslation();
  if (problem.status === 409 || problem.status === 412) {
    return (
      <>
        <ProblemAlert problem={problem} />
        <p className="hint">{t('requests.answer.reloaded')}</p>
      </>
    );
  }
  return fieldErrors ? null : <ProblemAlert problem={problem} />;
}

/** Accept, decline or withdraw: a note (or a required reason) and a button; some open behind a first button. */
function NoteForm({
  id,
  intro,
  open: openLabel,
  label,
  required,
  field = 'note',
  submit,
  send,
  onDone,
  reload,
}: {
  id: string;
  intro?: string;
  open?: string;
  label: string;
  required?: boolean;
  field?: 'note' | 'reason';
  submit: string;
  send: Send;
  onDone: (view: CampaignRequestView) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(!openLabel);
  const [missing, setMissing] = useState(false);
  const answer = useAnswer(reload);
  const apiErrors = apiFieldErrors(answer.problem).filter((e) => e.path === field);
  const errors: FieldProblem[] = missing ? [{ path: field, code: 'reason_required', message: '' }] : apiErrors;

  async function go(event: FormEvent) {
    event.preventDefault();
    if (required && !text.trim()) return setMissing(true);
    const body = text.trim() ? { [field]: text.trim() } : {};
    const result = await answer.run(body, send);
    if (result.ok) {
      setText('');
      onDone(result.data);
    }
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {openLabel}
        </button>
      </p>
    );
  }
  return (
    <form className="inline-form" onSubmit={(e) => void go(e)} noValidate aria-busy={answer.busy}>
      {intro && <p className="hint">{intro}</p>}
      {answer.problem && <StaleOrProblem problem={answer.problem} fieldErrors={apiErrors.length > 0} />}
      <Field
        id={`request-${id}-${field}`}
        label={label}
        optional={required ? undefined : t('register.optional')}
        errors={errors}
        problem={answer.problem}
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={text}
            autoFocus={Boolean(openLabel)}
            onChange={(e) => {
              setText(e.target.value);
              setMissing(false);
            }}
          />
        )}
      </Field>
      <div className="actions">
        <button
          type="submit"
          className={id === 'decline' || id === 'withdraw' ? 'button-secondary' : 'button-primary'}
          disabled={answer.busy}
        >
          {submit}
        </button>
        {openLabel && (
          <button type="button" className="button-link-plain" onClick={() => setOpen(false)}>
            {t('requests.answer.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

const COUNTER_FORM = 'counter';

/** The lead agency proposes another period, other key messages, with a message. */
function CounterForm({
  request,
  onDone,
  reload,
}: {
  request: CampaignRequestView;
  onDone: () => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<CounterDraft>(() => counterDraftFrom(request));
  const [attempted, setAttempted] = useState(false);
  const [apiErrors, setApiErrors] = useState<FieldProblem[]>([]);
  const answer = useAnswer(reload);
  const own = attempted ? validateCounter(buildCounter(draft, request)) : [];
  const shown = wordAreaCodes(own.length ? own : apiErrors, (code) => t(`campaignsArea.fieldError.${code}`));
  const placed = placeFieldErrors(shown, COUNTER_FORM_PATHS);
  const at = (path: string) => placed.byField.get(path) ?? [];

  function update<K extends keyof CounterDraft>(key: K, value: CounterDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setApiErrors((errors) => withoutPath(errors, COUNTER_FIELD_PATHS[key]));
  }

  async function go(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const body = buildCounter(draft, request);
    if (validateCounter(body).length) return;
    const result = await answer.run(body, (b, key) =>
      settle(
        api.POST('/v1/campaign-requests/{id}/counter', {
          params: { path: { id: request.id }, header: { 'Idempotency-Key': key } },
          body: b as typeof body,
        }),
      ),
    );
    if (result.ok) onDone();
    else setApiErrors(apiFieldErrors(result.problem));
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {t('requests.answer.counterOpen')}
        </button>
      </p>
    );
  }
  const control = (key: keyof CounterDraft) => ({
    id: inputIdOf(COUNTER_FORM, COUNTER_FIELD_PATHS[key]),
    errors: at(COUNTER_FIELD_PATHS[key]),
    problem: answer.problem,
  });
  return (
    <form className="inline-form" onSubmit={(e) => void go(e)} noValidate aria-busy={answer.busy}>
      <h3>{t('requests.answer.counterTitle')}</h3>
      <p className="hint">{t('requests.answer.counterIntro')}</p>
      {answer.problem && (
        <StaleOrProblem problem={answer.problem} fieldErrors={(answer.problem.errors ?? []).length > 0} />
      )}
      <FieldErrors id="counter-period-error" errors={at('proposedPeriod')} problem={answer.problem} />
      <div className="field-row">
        <Field {...control('periodStart')} label={t('requests.form.periodStart')}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={draft.periodStart}
              onChange={(e) => update('periodStart', e.target.value)}
            />
          )}
        </Field>
        <Field {...control('periodEnd')} label={t('requests.form.periodEnd')}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={draft.periodEnd}
              onChange={(e) => update('periodEnd', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field
        {...control('keyMessages')}
        label={t('requests.form.keyMessages')}
        hint={t('requests.answer.counterKeyMessagesHint')}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={draft.keyMessages}
            onChange={(e) => update('keyMessages', e.target.value)}
          />
        )}
      </Field>
      <Field {...control('message')} label={t('requests.answer.counterMessage')}>
        {(props) => (
          <textarea {...props} rows={2} value={draft.message} onChange={(e) => update('message', e.target.value)} />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={answer.busy}>
          {t('requests.answer.counter')}
        </button>
        <button type="button" className="button-link-plain" onClick={() => setOpen(false)}>
          {t('requests.answer.cancel')}
        </button>
      </div>
    </form>
  );
}
