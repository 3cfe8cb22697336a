import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PLATFORMS, TOPICS } from '@concord/domain';
import { isAbort, settle, type Result, type Schemas } from '../api/client';
import { placeFieldErrors, type FieldProblem, type Problem } from '../api/problem';
import {
  FAN_OUT_FORM_PATHS,
  buildFanOut,
  emptyFanOutDraft,
  isOverridable,
  outcomeQuery,
  progressOf,
  skipSummary,
  toFormPaths,
  validateFanOut,
  type FanOutDraft,
  type FanOutResult,
  type FanOutView,
  type OutcomeFilter,
} from '../campaigns/fan-out';
import { apiFieldErrors, wordAreaCodes, withoutPath } from '../campaigns/form-helpers';
import { inputIdOf } from '../campaigns/request-form';
import { Field } from '../components/field';
import { FieldErrors, Loading, ProblemAlert } from '../components/messages';
import { PageHeading } from '../components/page';
import { Pager } from '../components/pager';
import { SelectFilter } from '../components/select-filter';
import { useFormat } from '../lib/format';
import { createIdempotencyKeys } from '../lib/idempotency';
import { useApi, useDebounced } from '../lib/use-api';
import { useCursorPages } from '../lib/use-cursor-pages';
import { useApiClient, useSession } from '../session/session';

type Creator = Schemas['CreatorPage']['items'][number];
const FORM = 'fan-out';
const RESULTS_PAGE = 200;

/**
 * Offering a brief to creators, and following the offer: at
 * `/campaigns/:id/briefs/:briefId/fan-out` the form (a registry filter or
 * chosen creators); at `/fan-outs/:fanOutId` a live progress bar while it runs,
 * then each creator's outcome, with skip reasons in words.
 */
export default function FanOutPage({ pollMs = 1000 }: { pollMs?: number }) {
  const { fanOutId } = useParams();
  return fanOutId ? <FanOutFollow key={fanOutId} id={fanOutId} pollMs={pollMs} /> : <FanOutStart />;
}

function FanOutStart() {
  const { t } = useTranslation();
  const { id: campaignId = '', briefId = '' } = useParams();
  const api = useApiClient();
  const session = useSession();
  const navigate = useNavigate();
  const campaign = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}', { params: { path: { id: campaignId } }, signal })),
    [api, campaignId],
  );
  const briefs = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}/briefs', { params: { path: { id: campaignId } }, signal })),
    [api, campaignId],
  );
  const brief = briefs.data?.items.find((b) => b.id === briefId);
  const [draft, setDraft] = useState<FanOutDraft>(emptyFanOutDraft);
  const [attempted, setAttempted] = useState(false);
  const [apiErrors, setApiErrors] = useState<FieldProblem[]>([]);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(createIdempotencyKeys, []);
  const summary = useRef<HTMLDivElement>(null);

  const own = attempted ? validateFanOut(buildFanOut(draft)) : [];
  const shown = wordAreaCodes(own.length ? own : apiErrors, (code) => t(`campaignsArea.fieldError.${code}`));
  const placed = placeFieldErrors(shown, FAN_OUT_FORM_PATHS);
  const at = (path: string) => placed.byField.get(path) ?? [];
  const shownProblem = own.length ? undefined : problem;
  const owner = campaign.data && session.me?.agency?.id === campaign.data.ownerAgencyId;
  const allowed = session.can('update', 'Assignment') && owner !== false;

  function update<K extends keyof FanOutDraft>(field: K, value: FanOutDraft[K], path: string = `filter.${field}`) {
    setDraft((d) => ({ ...d, [field]: value }));
    setApiErrors((errors) => withoutPath(errors, path));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const body = buildFanOut(draft);
    if (validateFanOut(body).length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    setProblem(undefined);
    const result = await settle(
      api.POST('/v1/briefs/{id}/assignments', {
        params: { path: { id: briefId }, header: { 'Idempotency-Key': key(body) } },
        body,
      }),
    );
    setBusy(false);
    if (result.ok) {
      void navigate(`/fan-outs/${result.data.id}`, { state: { view: result.data } });
      return;
    }
    setProblem(result.problem);
    setApiErrors(toFormPaths(apiFieldErrors(result.problem)));
    requestAnimationFrame(() => summary.current?.focus());
  }

  const control = (path: string) => ({ id: inputIdOf(FORM, path), errors: at(path), problem: shownProblem });
  const title = brief ? t('fanOut.start.titleOf', { title: brief.title }) : t('fanOut.start.title');

  return (
    <div className="page page-form">
      <p className="breadcrumb">
        <Link to="/campaigns">{t('campaignsArea.list.title')}</Link>
        {campaign.data && (
          <>
            {' › '}
            <Link to={`/campaigns/${campaignId}`}>{campaign.data.title}</Link>
          </>
        )}
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('fanOut.start.intro')}</p>
      {(campaign.state === 'loading' || briefs.state === 'loading') && !brief && <Loading label={t('app.loading')} />}
      {campaign.state === 'error' && <ProblemAlert problem={campaign.problem} onRetry={campaign.reload} />}
      {briefs.state === 'error' && <ProblemAlert problem={briefs.problem} onRetry={briefs.reload} />}
      {briefs.state === 'ok' && !brief && <p className="alert alert-error">{t('fanOut.start.noBrief')}</p>}
      {!allowed && <p className="alert alert-info">{t('fanOut.start.forbidden')}</p>}
      {campaign.data && campaign.data.status !== 'active' && (
        <p className="alert alert-info">
          {t('fanOut.start.notActive', { status: t(`campaignsArea.status.${campaign.data.status}`) })}
        </p>
      )}

      <div ref={summary} tabIndex={-1} className="summary-anchor">
        {shown.length > 0 && (
          <p className="alert alert-error" role="alert">
            {t('fanOut.start.fix')}
          </p>
        )}
        {shownProblem && !shown.length && <ProblemAlert problem={shownProblem} />}
      </div>

      {allowed && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
          <fieldset className="group">
            <legend>{t('fanOut.start.target')}</legend>
            <div className="radios">
              {(['filter', 'creators'] as const).map((mode) => (
                <label key={mode} className="choice">
                  <input
                    type="radio"
                    name="fan-out-mode"
                    value={mode}
                    checked={draft.mode === mode}
                    onChange={() => update('mode', mode, 'creatorIds')}
                  />
                  {t(`fanOut.start.mode.${mode}`)}
                </label>
              ))}
            </div>
          </fieldset>

          {draft.mode === 'filter' ? (
            <fieldset className="group" id={inputIdOf(FORM, 'filter')}>
              <legend>{t('fanOut.start.filterLegend')}</legend>
              <p className="hint">{t('fanOut.start.filterHint')}</p>
              <FieldErrors id={`${inputIdOf(FORM, 'filter')}-error`} errors={at('filter')} problem={shownProblem} />
              <div className="field-row">
                <Field {...control('filter.topic')} label={t('fanOut.start.topic')}>
                  {(props) => (
                    <select
                      {...props}
                      value={draft.topic}
                      onChange={(e) => update('topic', e.target.value as FanOutDraft['topic'])}
                    >
                      <option value="">{t('fanOut.start.any')}</option>
                      {TOPICS.map((topic) => (
                        <option key={topic} value={topic}>
                          {t(`enums.topic.${topic}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field {...control('filter.platform')} label={t('fanOut.start.platform')}>
                  {(props) => (
                    <select
                      {...props}
                      value={draft.platform}
                      onChange={(e) => update('platform', e.target.value as FanOutDraft['platform'])}
                    >
                      <option value="">{t('fanOut.start.any')}</option>
                      {PLATFORMS.map((p) => (
                        <option key={p} value={p}>
                          {t(`enums.platform.${p}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  {...control('filter.language')}
                  label={t('fanOut.start.language')}
                  hint={t('fanOut.start.languageHint')}
                >
                  {(props) => (
                    <input
                      {...props}
                      value={draft.language}
                      onChange={(e) => update('language', e.target.value)}
                      size={4}
                      maxLength={2}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  )}
                </Field>
                <Field {...control('filter.minFollowers')} label={t('fanOut.start.minFollowers')}>
                  {(props) => (
                    <input
                      {...props}
                      inputMode="numeric"
                      value={draft.minFollowers}
                      onChange={(e) => update('minFollowers', e.target.value)}
                      size={10}
                      autoComplete="off"
                    />
                  )}
                </Field>
                <Field
                  {...control('filter.region')}
                  label={t('fanOut.start.region')}
                  hint={t('fanOut.start.regionHint')}
                >
                  {(props) => (
                    <input
                      {...props}
                      value={draft.region}
                      onChange={(e) => update('region', e.target.value)}
                      size={8}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  )}
                </Field>
              </div>
            </fieldset>
          ) : (
            <ChooseCreators
              draft={draft}
              errors={at('creatorIds')}
              overrideErrors={at('overrides')}
              problem={shownProblem}
              onChange={(creators) => update('creators', creators, 'creatorIds')}
              onOverride={(override, reason) => {
                setDraft((d) => ({ ...d, override, overrideReason: reason }));
                setApiErrors((errors) => withoutPath(errors, 'overrides'));
              }}
            />
          )}

          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? t('fanOut.start.submitting') : t('fanOut.start.submit')}
            </button>
          </div>
          <p className="visually-hidden" role="status" aria-live="polite">
            {busy ? t('fanOut.start.submitting') : ''}
          </p>
        </form>
      )}
    </div>
  );
}

function ChooseCreators({
  draft,
  errors,
  overrideErrors,
  problem,
  onChange,
  onOverride,
}: {
  draft: FanOutDraft;
  errors: FieldProblem[];
  overrideErrors: FieldProblem[];
  problem?: Problem;
  onChange: (creators: FanOutDraft['creators']) => void;
  onOverride: (override: boolean, reason: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim(), 300);
  const found = useApi(
    (signal): Promise<Result<Schemas['CreatorPage']>> =>
      settled
        ? settle(api.GET('/v1/creators', { params: { query: { q: settled, status: 'active', limit: 10 } }, signal }))
        : Promise.resolve({
            ok: true,
            data: { items: [], nextCursor: null },
            response: undefined as unknown as Response,
          }),
    [api, settled],
  );
  const chosen = new Set(draft.creators.map((c) => c.id));
  const choose = (creator: Creator) => onChange([...draft.creators, { id: creator.id, name: creator.displayName }]);
  const results = (found.data?.items ?? []).filter((c) => !chosen.has(c.id));
  return (
    <fieldset className="group" id={inputIdOf(FORM, 'creatorIds')}>
      <legend>{t('fanOut.start.creatorsLegend')}</legend>
      <FieldErrors id={`${inputIdOf(FORM, 'creatorIds')}-error`} errors={errors} problem={problem} />
      <Field id="fan-out-search" label={t('fanOut.start.search')} hint={t('fanOut.start.searchHint')}>
        {(props) => (
          <input
            {...props}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <div aria-live="polite" aria-busy={found.state === 'loading'}>
        {found.state === 'error' && <ProblemAlert problem={found.problem} onRetry={found.reload} />}
        {settled && found.state === 'ok' && results.length === 0 && (
          <p className="empty">{t('fanOut.start.noneFound')}</p>
        )}
        {results.length > 0 && (
          <ul className="work-list" aria-label={t('fanOut.start.found')}>
            {results.map((c) => (
              <li key={c.id}>
                <span className="work-title">{c.displayName}</span>
                <span className="work-meta">
                  {c.channels.map((ch) => `${t(`enums.platform.${ch.platform}`)} @${ch.handle}`).join(', ')} ·{' '}
                  {t('fanOut.start.followers', { count: c.totalFollowers, formatted: format.number(c.totalFollowers) })}
                </span>
                <button type="button" className="button-secondary" onClick={() => choose(c)}>
                  {t('fanOut.start.choose', { name: c.displayName })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <h3>{t('fanOut.start.chosen', { n: draft.creators.length })}</h3>
      {draft.creators.length === 0 ? (
        <p className="empty">{t('fanOut.start.noneChosen')}</p>
      ) : (
        <ul className="work-list" aria-label={t('fanOut.start.chosenList')}>
          {draft.creators.map((c) => (
            <li key={c.id}>
              <span className="work-title">{c.name}</span>
              <button
                type="button"
                className="button-link-danger"
                onClick={() => onChange(draft.creators.filter((x) => x.id !== c.id))}
              >
                {t('fanOut.start.remove', { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field" id={inputIdOf(FORM, 'overrides')}>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.override}
            onChange={(e) => onOverride(e.target.checked, draft.overrideReason)}
          />
          {t('fanOut.start.override')}
        </label>
        <p className="hint">{t('fanOut.start.overrideHint')}</p>
      </div>
      {draft.override && (
        <Field
          id="fan-out-override-reason"
          label={t('fanOut.start.overrideReason')}
          errors={overrideErrors}
          problem={problem}
        >
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={draft.overrideReason}
              onChange={(e) => onOverride(true, e.target.value)}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}

/** Polls a running fan-out until it ends (completed, failed or cancelled), then shows the outcomes. */
function FanOutFollow({ id, pollMs }: { id: string; pollMs: number }) {
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
      <PageHeading title={title}>{title}</PageHeading>
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
      {view && view.status !== 'running' && <Outcomes view={view} />}
    </div>
  );
}

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

function Outcomes({ view }: { view: FanOutView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const session = useSession();
  const [filter, setFilter] = useState<OutcomeFilter>('all');
  const pages = useCursorPages();
  const loaded = useApi(
    (signal) =>
      settle(
        api.GET('/v1/fan-outs/{id}', {
          params: {
            path: { id: view.id },
            query: { ...outcomeQuery(filter), limit: RESULTS_PAGE, cursor: pages.cursor },
          },
          signal,
        }),
      ),
    [api, view.id, filter, pages.cursor],
  );
  const reasons = skipSummary(view);
  const canOverride = session.can('update', 'Assignment');
  const results = loaded.data?.results ?? [];
  const reason = (r: FanOutResult) => (r.reason ? t(`fanOut.reason.${r.reason}`) : '');

  return (
    <section className="section" aria-labelledby="fan-out-outcomes-title">
      <h2 id="fan-out-outcomes-title">{t('fanOut.outcomes.title')}</h2>
      <dl className="figures">
        <div>
          <dt>{t('fanOut.outcomes.offered')}</dt>
          <dd>{format.number(view.offered)}</dd>
        </div>
        <div>
          <dt>{t('fanOut.outcomes.skipped')}</dt>
          <dd>{format.number(view.skipped)}</dd>
        </div>
      </dl>
      {reasons.length > 0 && (
        <>
          <h3>{t('fanOut.outcomes.whySkipped')}</h3>
          <ul className="skip-reasons">
            {reasons.map((r) => (
              <li key={r.reason}>
                {t(`fanOut.reason.${r.reason}`)} — <strong>{format.number(r.count)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}

      <SelectFilter<OutcomeFilter>
        id="fan-out-filter"
        formLabel={t('fanOut.outcomes.filter')}
        label={t('fanOut.outcomes.show')}
        values={['all', 'offered', 'skipped', ...reasons.map((r) => r.reason)]}
        text={(shown) =>
          shown === 'all'
            ? t('fanOut.outcomes.all')
            : shown === 'offered'
              ? t('fanOut.outcomes.onlyOffered')
              : shown === 'skipped'
                ? t('fanOut.outcomes.onlySkipped')
                : t('fanOut.outcomes.onlyReason', { reason: t(`fanOut.reason.${shown}`) })
        }
        value={filter}
        onChange={(next) => {
          setFilter(next);
          pages.reset();
        }}
      />

      {loaded.state === 'loading' && !loaded.data && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.state === 'ok' && results.length === 0 && <p className="empty">{t('fanOut.outcomes.empty')}</p>}
      {results.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-busy={loaded.state === 'loading'}>
            <caption className="visually-hidden">{t('fanOut.outcomes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fanOut.outcomes.creator')}</th>
                <th scope="col">{t('fanOut.outcomes.outcome')}</th>
                <th scope="col">{t('fanOut.outcomes.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.creatorId}>
                  <th scope="row">
                    <Link to={`/creators/${r.creatorId}`}>{r.displayName ?? t('fanOut.outcomes.unknownCreator')}</Link>
                  </th>
                  <td>
                    <span className={`badge badge-${r.outcome === 'offered' ? 'offered' : 'declined'}`}>
                      {t(`fanOut.outcomes.outcome_${r.outcome}`)}
                    </span>
                  </td>
                  <td>
                    {r.outcome === 'skipped'
                      ? reason(r)
                      : r.overridden.length > 0
                        ? t('fanOut.outcomes.overridden', {
                            what: r.overridden.map((o) => t(`fanOut.overriddenKind.${o}`)).join('; '),
                          })
                        : t('app.none')}
                    {canOverride && isOverridable(r) && <OfferAnyway view={view} result={r} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label={t('fanOut.outcomes.pagination')} pages={pages} loaded={loaded} />
      <p className="block-link">
        <Link to={`/campaigns/${view.campaignId}`}>{t('fanOut.follow.backToCampaign')}</Link>
      </p>
    </section>
  );
}

/** A skip for capacity or a calendar conflict, offered anyway with a reason: a new fan-out for this creator. */
function OfferAnyway({ view, result }: { view: FanOutView; result: FanOutResult }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [tooShort, setTooShort] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useMemo(createIdempotencyKeys, []);
  const name = result.displayName ?? t('fanOut.outcomes.unknownCreator');
  const fieldErrors: FieldProblem[] = tooShort
    ? [{ path: 'reason', code: 'reason_required', message: '' }]
    : apiFieldErrors(problem)
        .filter((e) => e.path.startsWith('overrides'))
        .map((e) => ({ ...e, path: 'reason' }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) return setTooShort(true);
    const body = {
      creatorIds: [result.creatorId],
      overrides: [{ creatorId: result.creatorId, reason: reason.trim() }],
    };
    setBusy(true);
    setProblem(undefined);
    const answer = await settle(
      api.POST('/v1/briefs/{id}/assignments', {
        params: { path: { id: view.briefId }, header: { 'Idempotency-Key': key(body) } },
        body,
      }),
    );
    setBusy(false);
    if (answer.ok) void navigate(`/fan-outs/${answer.data.id}`, { state: { view: answer.data } });
    else setProblem(answer.problem);
  }

  if (!open) {
    return (
      <>
        {' '}
        <button
          type="button"
          className="button-link-plain"
          onClick={() => setOpen(true)}
          aria-label={t('fanOut.override.openNamed', { name })}
        >
          {t('fanOut.override.open')}
        </button>
      </>
    );
  }
  const fieldId = `offer-anyway-${result.creatorId}`;
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      {problem && !fieldErrors.length && <ProblemAlert problem={problem} />}
      <Field id={fieldId} label={t('fanOut.override.reason', { name })} errors={fieldErrors} problem={problem}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            autoFocus
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setTooShort(false);
            }}
          />
        )}
      </Field>
      <button type="submit" className="button-secondary" disabled={busy}>
        {t('fanOut.override.submit')}
      </button>
    </form>
  );
}
