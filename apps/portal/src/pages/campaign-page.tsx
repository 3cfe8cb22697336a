import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useArrivalState } from '../lib/arrival-state';
import { AGENCIES, ASSIGNMENT_STATUSES, BRIEF_KINDS, PLATFORMS } from '@concord/domain';
import { settle, type Result, type Schemas } from '../api/client';
import { placeFieldErrors, type FieldProblem, type Problem } from '../api/problem';
import {
  BRIEF_FIELD_PATHS,
  BRIEF_FORM_PATHS,
  buildBrief,
  emptyBriefDraft,
  validateBrief,
  type BriefDraft,
} from '../campaigns/brief-form';
import { apiFieldErrors, wordAreaCodes, withoutPath } from '../campaigns/form-helpers';
import { inputIdOf } from '../campaigns/request-form';
import { DateInput } from '../components/date-input';
import { Field } from '../components/field';
import { FieldErrors, Loading, ProblemAlert, SuccessNotice } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { createIdempotencyKeys } from '../lib/idempotency';
import { useApi } from '../lib/use-api';
import { useApiClient, useSession } from '../session/session';

type Campaign = Schemas['CampaignView'];
type Brief = Schemas['BriefView'];

/**
 * A campaign: its facts, lifecycle actions, partner agencies, briefs (with
 * "Add a brief" and, per brief, "Offer to creators"), how its assignments
 * stand, and links to the assignments board and the report.
 */
export default function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const arrival = useArrivalState<{ notice: string }>();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  const [notice, setNotice] = useState(arrival.notice ?? '');
  const campaign = loaded.data;
  const done = (message: string) => {
    setNotice(message);
    loaded.reload();
  };
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/campaigns">{t('campaignsArea.list.title')}</Link>
      </p>
      <PageHeading title={campaign?.title ?? t('campaignsArea.page.title')}>
        {campaign?.title ?? t('campaignsArea.page.title')}
      </PageHeading>
      <SuccessNotice message={notice} />
      {loaded.state === 'loading' && !campaign && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {campaign && <CampaignView campaign={campaign} onDone={done} reload={loaded.reload} />}
    </div>
  );
}

function CampaignView({
  campaign,
  onDone,
  reload,
}: {
  campaign: Campaign;
  onDone: (message: string) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const owner = session.me?.agency?.id === campaign.ownerAgencyId;
  const canManage = owner && session.can('update', 'Campaign');
  const canChangeStatus = owner && session.can('change_status', 'Campaign');
  const canFanOut = owner && session.can('update', 'Assignment');
  const open = campaign.status === 'planning' || campaign.status === 'active';
  return (
    <>
      <nav className="link-row" aria-label={t('campaignsArea.page.more')}>
        <Link to={`/campaigns/${campaign.id}/board`} className="button-link button-secondary">
          {t('campaignsArea.page.board')}
        </Link>
        <Link to={`/campaigns/${campaign.id}/report`} className="button-link button-secondary">
          {t('campaignsArea.page.report')}
        </Link>
        {campaign.sourceRequestId && (
          <Link to={`/requests/${campaign.sourceRequestId}`}>{t('campaignsArea.page.sourceRequest')}</Link>
        )}
      </nav>

      <dl className="facts">
        <div>
          <dt>{t('campaignsArea.page.status')}</dt>
          <dd>
            <span className={`badge badge-${campaign.status}`}>{t(`campaignsArea.status.${campaign.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.owner')}</dt>
          <dd>{format.agency(campaign.ownerAgencyId)}</dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.period')}</dt>
          <dd>
            {t('requests.period', { start: format.date(campaign.period.start), end: format.date(campaign.period.end) })}
          </dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.platforms')}</dt>
          <dd>{campaign.platforms.map((p) => t(`enums.platform.${p}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.targetViews')}</dt>
          <dd>
            {campaign.targets.views !== undefined
              ? format.number(campaign.targets.views)
              : t('campaignsArea.page.noTarget')}
          </dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.targetPublications')}</dt>
          <dd>
            {campaign.targets.publications !== undefined
              ? format.number(campaign.targets.publications)
              : t('campaignsArea.page.noTarget')}
          </dd>
        </div>
        {campaign.budget !== undefined && (
          <div>
            <dt>{t('campaignsArea.page.budget')}</dt>
            <dd>{format.money(campaign.budget)}</dd>
          </div>
        )}
      </dl>

      <section className="section" aria-labelledby="campaign-content-title">
        <h2 id="campaign-content-title">{t('campaignsArea.page.mustCarry')}</h2>
        <h3>{t('campaignsArea.page.objective')}</h3>
        <p>{campaign.objective}</p>
        <h3>{t('campaignsArea.page.keyMessages')}</h3>
        <ul>
          {campaign.keyMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        <h3>{t('campaignsArea.page.hashtags')}</h3>
        {campaign.requiredHashtags.length ? (
          <ul className="label-list">
            {campaign.requiredHashtags.map((h) => (
              <li key={h} className="label-chip">
                {h}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('campaignsArea.page.noHashtags')}</p>
        )}
        <h3>{t('campaignsArea.page.disclosure')}</h3>
        <p>{t('campaignsArea.page.disclosureText')}</p>
      </section>

      {canChangeStatus && open && <Lifecycle campaign={campaign} onDone={onDone} reload={reload} />}

      <Partners campaign={campaign} canManage={canManage && open} onDone={onDone} reload={reload} />

      <Briefs campaign={campaign} canAdd={canManage && open} canFanOut={canFanOut} />

      <Progress campaign={campaign} />
    </>
  );
}

/** A write of this page: its problem, busy state and Idempotency-Key; a 409 reloads the campaign. */
function useWrite(reload: () => void) {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(createIdempotencyKeys, []);
  async function run<T>(body: unknown, send: (key: string) => Promise<Result<T>>): Promise<Result<T>> {
    setBusy(true);
    setProblem(undefined);
    const result = await send(key(body));
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      if (result.problem.status === 409 || result.problem.status === 412) reload();
    }
    return result;
  }
  return { problem, busy, run, setProblem };
}

function Lifecycle({
  campaign,
  onDone,
  reload,
}: {
  campaign: Campaign;
  onDone: (message: string) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const w = useWrite(reload);
  const [ending, setEnding] = useState<'close' | 'cancel' | undefined>();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const path = { id: campaign.id };

  async function activate() {
    const result = await w.run({ activate: campaign.id }, (key) =>
      settle(api.POST('/v1/campaigns/{id}/activate', { params: { path, header: { 'Idempotency-Key': key } } })),
    );
    if (result.ok) onDone(t('campaignsArea.lifecycle.activated'));
  }

  async function end(event: FormEvent) {
    event.preventDefault();
    if (!ending) return;
    if (!reason.trim()) return setMissing(true);
    const body = { reason: reason.trim() };
    const to = ending === 'close' ? '/v1/campaigns/{id}/close' : '/v1/campaigns/{id}/cancel';
    const result = await w.run({ ending, ...body }, (key) =>
      settle(api.POST(to, { params: { path, header: { 'Idempotency-Key': key } }, body })),
    );
    if (result.ok) {
      setEnding(undefined);
      setReason('');
      onDone(t(ending === 'close' ? 'campaignsArea.lifecycle.closed' : 'campaignsArea.lifecycle.cancelled'));
    }
  }

  const reasonErrors: FieldProblem[] = missing
    ? [{ path: 'reason', code: 'reason_required', message: '' }]
    : apiFieldErrors(w.problem).filter((e) => e.path === 'reason');
  return (
    <section className="section" aria-labelledby="campaign-lifecycle-title">
      <h2 id="campaign-lifecycle-title">{t('campaignsArea.lifecycle.title')}</h2>
      {w.problem && !reasonErrors.length && <ProblemAlert problem={w.problem} />}
      {campaign.status === 'planning' && <p className="hint">{t('campaignsArea.lifecycle.planningHint')}</p>}
      {!ending && (
        <div className="actions">
          {campaign.status === 'planning' && (
            <button type="button" className="button-primary" disabled={w.busy} onClick={() => void activate()}>
              {t('campaignsArea.lifecycle.activate')}
            </button>
          )}
          {campaign.status === 'active' && (
            <button type="button" className="button-secondary" onClick={() => setEnding('close')}>
              {t('campaignsArea.lifecycle.closeOpen')}
            </button>
          )}
          <button type="button" className="button-link-danger" onClick={() => setEnding('cancel')}>
            {t('campaignsArea.lifecycle.cancelOpen')}
          </button>
        </div>
      )}
      {ending && (
        <form className="inline-form" onSubmit={(e) => void end(e)} noValidate aria-busy={w.busy}>
          <p className="hint">
            {t(ending === 'close' ? 'campaignsArea.lifecycle.closeIntro' : 'campaignsArea.lifecycle.cancelIntro')}
          </p>
          <Field
            id="campaign-end-reason"
            label={t('campaignsArea.lifecycle.reason')}
            errors={reasonErrors}
            problem={w.problem}
          >
            {(props) => (
              <textarea
                {...props}
                rows={2}
                autoFocus
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setMissing(false);
                }}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button-primary" disabled={w.busy}>
              {t(ending === 'close' ? 'campaignsArea.lifecycle.close' : 'campaignsArea.lifecycle.cancel')}
            </button>
            <button type="button" className="button-link-plain" onClick={() => setEnding(undefined)}>
              {t('campaignsArea.lifecycle.keep')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Partners({
  campaign,
  canManage,
  onDone,
  reload,
}: {
  campaign: Campaign;
  canManage: boolean;
  onDone: (message: string) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const w = useWrite(reload);
  const candidates = AGENCIES.filter(
    (a) => a.id !== campaign.ownerAgencyId && !campaign.partnerAgencyIds.includes(a.id),
  );
  const [agencyId, setAgencyId] = useState('');
  const chosen = candidates.some((a) => a.id === agencyId) ? agencyId : (candidates[0]?.id ?? '');
  const fieldErrors = apiFieldErrors(w.problem).filter((e) => e.path === 'agencyId');

  async function add(event: FormEvent) {
    event.preventDefault();
    const body = { agencyId: chosen };
    const result = await w.run(body, (key) =>
      settle(
        api.POST('/v1/campaigns/{id}/partners', {
          params: { path: { id: campaign.id }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    );
    if (result.ok) onDone(t('campaignsArea.partners.added', { agency: format.agency(chosen) }));
  }

  return (
    <section className="section" aria-labelledby="campaign-partners-title">
      <h2 id="campaign-partners-title">{t('campaignsArea.partners.title')}</h2>
      {campaign.partnerAgencyIds.length ? (
        <ul>
          {campaign.partnerAgencyIds.map((p) => (
            <li key={p}>{format.agency(p)}</li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('campaignsArea.partners.none')}</p>
      )}
      {canManage && candidates.length > 0 && (
        <form className="inline-form" onSubmit={(e) => void add(e)} noValidate aria-busy={w.busy}>
          {w.problem && !fieldErrors.length && <ProblemAlert problem={w.problem} />}
          <Field
            id="campaign-partner"
            label={t('campaignsArea.partners.agency')}
            errors={fieldErrors}
            problem={w.problem}
          >
            {(props) => (
              <select {...props} value={chosen} onChange={(e) => setAgencyId(e.target.value)}>
                {candidates.map((a) => (
                  <option key={a.id} value={a.id}>
                    {format.agency(a.id)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button-secondary" disabled={w.busy}>
            {t('campaignsArea.partners.add')}
          </button>
        </form>
      )}
    </section>
  );
}

function Briefs({ campaign, canAdd, canFanOut }: { campaign: Campaign; canAdd: boolean; canFanOut: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}/briefs', { params: { path: { id: campaign.id } }, signal })),
    [api, campaign.id],
  );
  const [added, setAdded] = useState('');
  const briefs = loaded.data?.items ?? [];
  const offerable = canFanOut && campaign.status === 'active';
  return (
    <section className="section" aria-labelledby="campaign-briefs-title" aria-busy={loaded.state === 'loading'}>
      <h2 id="campaign-briefs-title">{t('campaignsArea.briefs.title')}</h2>
      <p role="status" aria-live="polite" className={added ? 'alert alert-success' : 'visually-hidden'}>
        {added}
      </p>
      {loaded.state === 'loading' && !loaded.data && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.state === 'ok' && briefs.length === 0 && <p className="empty">{t('campaignsArea.briefs.empty')}</p>}
      {canFanOut && campaign.status === 'planning' && briefs.length > 0 && (
        <p className="hint">{t('campaignsArea.briefs.activateFirst')}</p>
      )}
      {briefs.length > 0 && (
        <ul className="card-list">
          {briefs.map((brief: Brief) => (
            <li key={brief.id} className="card">
              <div className="card-head">
                <h3>{brief.title}</h3>
                <span className="tag tag-muted">{t(`enums.contentKind.${brief.kind}`)}</span>
              </div>
              <dl className="facts facts-compact">
                <div>
                  <dt>{t('campaignsArea.briefs.due')}</dt>
                  <dd>{format.dateTime(brief.dueAt)}</dd>
                </div>
                <div>
                  <dt>{t('campaignsArea.briefs.platforms')}</dt>
                  <dd>{brief.platforms.map((p) => t(`enums.platform.${p}`)).join(', ')}</dd>
                </div>
                <div>
                  <dt>{t('campaignsArea.briefs.languages')}</dt>
                  <dd>{format.languages(brief.languages)}</dd>
                </div>
                <div>
                  <dt>{t('campaignsArea.briefs.quantity')}</dt>
                  <dd>{format.number(brief.quantity)}</dd>
                </div>
                {brief.feePerDeliverable !== undefined && (
                  <div>
                    <dt>{t('campaignsArea.briefs.fee')}</dt>
                    <dd>{format.money(brief.feePerDeliverable)}</dd>
                  </div>
                )}
              </dl>
              <ul className="must-carry">
                {brief.keyMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              {offerable && (
                <p>
                  <Link
                    to={`/campaigns/${campaign.id}/briefs/${brief.id}/fan-out`}
                    className="button-link button-primary"
                    aria-label={t('campaignsArea.briefs.offerNamed', { title: brief.title })}
                  >
                    {t('campaignsArea.briefs.offer')}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <AddBrief
          campaign={campaign}
          onAdded={(brief) => {
            setAdded(t('campaignsArea.briefs.added', { title: brief.title }));
            loaded.reload();
          }}
        />
      )}
    </section>
  );
}

const BRIEF_FORM = 'brief';

/** "Add a brief": what to make, where, in which languages, by when, how many per creator and the fee. */
function AddBrief({ campaign, onAdded }: { campaign: Campaign; onAdded: (brief: Brief) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<BriefDraft>(() => emptyBriefDraft(campaign));
  const [attempted, setAttempted] = useState(false);
  const [apiErrors, setApiErrors] = useState<FieldProblem[]>([]);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(createIdempotencyKeys, []);
  const own = attempted ? validateBrief(buildBrief(draft)) : [];
  const shown = wordAreaCodes(own.length ? own : apiErrors, (code) => t(`campaignsArea.fieldError.${code}`));
  const placed = placeFieldErrors(shown, BRIEF_FORM_PATHS);
  const at = (path: string) => placed.byField.get(path) ?? [];
  const shownProblem = own.length ? undefined : problem;

  function update<K extends keyof BriefDraft>(field: K, value: BriefDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
    setApiErrors((errors) => withoutPath(errors, BRIEF_FIELD_PATHS[field]));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const body = buildBrief(draft);
    if (validateBrief(body).length) return;
    setBusy(true);
    setProblem(undefined);
    const result = await settle(
      api.POST('/v1/campaigns/{id}/briefs', {
        params: { path: { id: campaign.id }, header: { 'Idempotency-Key': key(body) } },
        body,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      setApiErrors(apiFieldErrors(result.problem));
      return;
    }
    setApiErrors([]);
    setAttempted(false);
    setDraft(emptyBriefDraft(campaign));
    setOpen(false);
    onAdded(result.data);
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {t('campaignsArea.briefs.addOpen')}
        </button>
      </p>
    );
  }
  const control = (field: keyof BriefDraft) => ({
    id: inputIdOf(BRIEF_FORM, BRIEF_FIELD_PATHS[field]),
    errors: at(BRIEF_FIELD_PATHS[field]),
    problem: shownProblem,
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={busy}
      aria-labelledby="add-brief-title"
    >
      <h3 id="add-brief-title">{t('campaignsArea.briefs.addTitle')}</h3>
      {shownProblem && !shown.length && <ProblemAlert problem={shownProblem} />}
      {shown.length > 0 && (
        <p className="field-error" role="alert">
          {t('campaignsArea.briefs.fix')}
        </p>
      )}
      <div className="field-row">
        <Field {...control('kind')} label={t('campaignsArea.briefs.kind')}>
          {(props) => (
            <select
              {...props}
              value={draft.kind}
              onChange={(e) => update('kind', e.target.value as BriefDraft['kind'])}
            >
              {BRIEF_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`enums.contentKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field {...control('title')} label={t('campaignsArea.briefs.titleLabel')} className="field-wide">
          {(props) => (
            <input
              {...props}
              value={draft.title}
              onChange={(e) => update('title', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <Field
        {...control('keyMessages')}
        label={t('campaignsArea.briefs.keyMessages')}
        hint={t('campaignsArea.briefs.keyMessagesHint')}
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
      <fieldset className="group" id={inputIdOf(BRIEF_FORM, 'platforms')}>
        <legend>{t('campaignsArea.briefs.platforms')}</legend>
        <FieldErrors
          id={`${inputIdOf(BRIEF_FORM, 'platforms')}-error`}
          errors={at('platforms')}
          problem={shownProblem}
        />
        <div className="checkbox-grid">
          {PLATFORMS.map((p) => (
            <label key={p} className="choice">
              <input
                type="checkbox"
                checked={draft.platforms.includes(p)}
                onChange={(e) =>
                  update(
                    'platforms',
                    e.target.checked ? [...draft.platforms, p] : draft.platforms.filter((x) => x !== p),
                  )
                }
              />
              {t(`enums.platform.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <Field
          {...control('languages')}
          label={t('campaignsArea.briefs.languages')}
          hint={t('campaignsArea.briefs.languagesHint')}
        >
          {(props) => (
            <input
              {...props}
              value={draft.languages}
              onChange={(e) => update('languages', e.target.value)}
              autoComplete="off"
              spellCheck={false}
              size={10}
            />
          )}
        </Field>
        <Field {...control('dueAt')} label={t('campaignsArea.briefs.due')}>
          {(props) => (
            <DateInput
              {...props}
              kind="datetime-local"
              value={draft.dueAt}
              onChange={(e) => update('dueAt', e.target.value)}
            />
          )}
        </Field>
        <Field {...control('quantity')} label={t('campaignsArea.briefs.quantity')}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={draft.quantity}
              onChange={(e) => update('quantity', e.target.value)}
              size={5}
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          {...control('feePerDeliverable')}
          label={t('campaignsArea.briefs.fee')}
          hint={t('campaignsArea.briefs.feeHint')}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={draft.feePerDeliverable}
              onChange={(e) => update('feePerDeliverable', e.target.value)}
              size={12}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <fieldset className="group" id={inputIdOf(BRIEF_FORM, 'window')}>
        <legend>
          {t('campaignsArea.briefs.window')} <span className="optional">({t('register.optional')})</span>
        </legend>
        <p className="hint">{t('campaignsArea.briefs.windowHint')}</p>
        <FieldErrors id={`${inputIdOf(BRIEF_FORM, 'window')}-error`} errors={at('window')} problem={shownProblem} />
        <div className="field-row">
          <Field {...control('windowStart')} label={t('campaignsArea.briefs.windowStart')}>
            {(props) => (
              <DateInput
                {...props}
                kind="datetime-local"
                value={draft.windowStart}
                onChange={(e) => update('windowStart', e.target.value)}
              />
            )}
          </Field>
          <Field {...control('windowEnd')} label={t('campaignsArea.briefs.windowEnd')}>
            {(props) => (
              <DateInput
                {...props}
                kind="datetime-local"
                value={draft.windowEnd}
                onChange={(e) => update('windowEnd', e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('campaignsArea.briefs.add')}
        </button>
        <button type="button" className="button-link-plain" onClick={() => setOpen(false)}>
          {t('campaignsArea.briefs.cancel')}
        </button>
      </div>
    </form>
  );
}

/** How the campaign's assignments stand, by state. */
function Progress({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const loaded = useApi(
    (signal) =>
      settle(api.GET('/v1/campaigns/{id}/assignment-progress', { params: { path: { id: campaign.id } }, signal })),
    [api, campaign.id, campaign.version],
  );
  if (loaded.state === 'error' && loaded.problem.status === 403) return null;
  const data = loaded.data;
  return (
    <section className="section" aria-labelledby="campaign-progress-title" aria-busy={loaded.state === 'loading'}>
      <h2 id="campaign-progress-title">{t('campaignsArea.progress.title')}</h2>
      {loaded.state === 'loading' && !data && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {data && data.total === 0 && <p className="empty">{t('campaignsArea.progress.empty')}</p>}
      {data && data.total > 0 && (
        <>
          <p>{t('campaignsArea.progress.total', { count: data.total, n: format.number(data.total) })}</p>
          <dl className="figures">
            {ASSIGNMENT_STATUSES.filter((s) => (data.byStatus[s] ?? 0) > 0).map((s) => (
              <div key={s}>
                <dt>{t(`enums.assignmentStatus.${s}`)}</dt>
                <dd>{format.number(data.byStatus[s] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="block-link">
        <Link to={`/campaigns/${campaign.id}/board`}>{t('campaignsArea.progress.board')}</Link>
      </p>
    </section>
  );
}
