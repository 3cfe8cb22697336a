import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode, type SyntheticEvent } from 'react';
import { mayDecide, type ReviewerRole } from '@concord/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useArrivalState } from '../lib/arrival-state';
import { settle, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { DateInput } from '../components/date-input';
import { ContentFields, contentBody, emptyMedia, toRowPaths, type ContentDraft } from '../content/content-form';
import {
  addedReply,
  canReply,
  replyVisibility,
  threadComments,
  writesAsCreator,
  type Thread,
} from '../content/comment-thread';
import { checkFindingText, stageName } from '../content/wording';
import {
  formErrors,
  quoteOf,
  selectedRange,
  sideBySide,
  validateDecision,
  type DecisionKind,
  type TextRange,
} from '../content/review';
import { Field } from '../components/field';
import { Loading, ProblemAlert, useMessage } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { createIdempotencyKeys } from '../lib/idempotency';
import { useApi } from '../lib/use-api';
import { actorOf, reviews } from '../session/ability';
import { useApiClient, useSession } from '../session/session';
import { isoToLocal, localToIso } from './submit-content-page';

type Submission = Schemas['SubmissionView'];
type Version = Submission['versions'][number];
type CheckName = Version['checks'][number]['check'];
type Comment = Submission['comments'][number];

/**
 * One submission: its versions with their automatic checks, comments and
 * decisions. Reviewers comment, compare versions and decide; the creator
 * sends a new version, withdraws, records the publication and its reach.
 */
export default function SubmissionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const arrival = useArrivalState<{ submitted: boolean }>();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/submissions/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  const [notice, setNotice] = useState(arrival.submitted ? t('submission.submitted') : '');
  const done = (message: string) => {
    setNotice(message);
    loaded.reload();
  };
  const submission = loaded.data;
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/">{t('nav.home')}</Link>
      </p>
      <PageHeading title={t('submission.title')}>
        {submission
          ? t('submission.heading', {
              creator: submission.creatorName,
              platform: t(`enums.platform.${submission.platform}`),
              kind: t(`enums.contentKind.${submission.kind}`),
            })
          : t('submission.title')}
      </PageHeading>
      <div role="status" aria-live="polite" id="submission-notice" tabIndex={-1} className="summary-anchor">
        {notice && (
          <div className="alert alert-success">
            <p>{notice}</p>
          </div>
        )}
      </div>
      {loaded.state === 'loading' && !submission && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {submission && <SubmissionView submission={submission} onDone={done} reload={loaded.reload} />}
    </div>
  );
}

function SubmissionView({
  submission,
  onDone,
  reload,
}: {
  submission: Submission;
  onDone: (message: string) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const me = session.me!;
  const latest = submission.versions[submission.versions.length - 1];
  const isCreator = me.creator?.id === submission.creatorId;
  const isReviewer = reviews(me) && submission.status === 'in_review' && submission.currentStage !== null;
  const current = submission.currentStage;
  // Who decides a stage is the domain's rule, the same the approvals service applies.
  const canDecide =
    isReviewer &&
    current !== null &&
    mayDecide({ ...current, role: current.role as ReviewerRole }, actorOf(me), submission.submittedBy);
  const [range, setRange] = useState<TextRange | undefined>();
  const [checksProblem, setChecksProblem] = useState<Problem | undefined>();
  const stage = submission.currentStage;
  const pickRange = (event: SyntheticEvent<HTMLTextAreaElement>) =>
    setRange(selectedRange(event.currentTarget.selectionStart, event.currentTarget.selectionEnd, latest.text.length));
  const [nothingSelected, setNothingSelected] = useState(false);
  // For keyboard users: the words selected in the text (Shift + arrows) become the comment's passage, and focus goes to the comment.
  const takeSelection = () => {
    const text = document.getElementById('current-text') as HTMLTextAreaElement | null;
    const picked = selectedRange(text?.selectionStart, text?.selectionEnd, latest.text.length);
    setNothingSelected(!picked);
    if (!picked) return;
    setRange(picked);
    document.getElementById('comment-body')?.focus();
  };

  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('submission.status')}</dt>
          <dd>
            <span className={`badge badge-${submission.status}`}>
              {t(`enums.submissionStatus.${submission.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('submission.plannedAt')}</dt>
          <dd>{format.dateTime(submission.plannedAt)}</dd>
        </div>
        {stage && (
          <div>
            <dt>{t('submission.stage')}</dt>
            <dd>
              {t('submission.stageOf', {
                n: stage.index + 1,
                total: submission.stages.length,
                key: stageName(t, format.agency, stage.key),
              })}{' '}
              · {t('reviews.due', { date: format.dateTime(stage.dueAt) })}{' '}
              {stage.overdue && <strong className="tag tag-danger">{t('reviews.overdue')}</strong>}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('submission.versions')}</dt>
          <dd>{submission.versions.length}</dd>
        </div>
      </dl>

      <div className="review-grid">
        <section className="section" aria-labelledby="version-title">
          <h2 id="version-title">{t('submission.version', { n: latest.number })}</h2>
          <p className="work-meta">{t('submission.sentAt', { date: format.dateTime(latest.submittedAt) })}</p>
          {latest.title && <h3>{latest.title}</h3>}
          {isReviewer ? (
            <>
              <label htmlFor="current-text" className="hint">
                {t('review.selectHint')}
              </label>
              <textarea
                id="current-text"
                className="content-text"
                readOnly
                rows={Math.min(16, Math.max(5, latest.text.split('\n').length + 2))}
                value={latest.text}
                onSelect={pickRange}
                onMouseUp={pickRange}
                onKeyUp={pickRange}
              />
              <p className="reply-actions">
                <button
                  type="button"
                  className="button-secondary"
                  onClick={takeSelection}
                  aria-describedby={nothingSelected ? 'take-selection-hint' : undefined}
                >
                  {t('review.comment.takeSelection')}
                </button>
                <span id="take-selection-hint" className="hint" aria-live="polite">
                  {nothingSelected ? t('review.comment.nothingSelected') : ''}
                </span>
              </p>
            </>
          ) : (
            <div className="content-text" id="current-text">
              {latest.text}
            </div>
          )}
          {latest.media.length > 0 && (
            <ul className="media-list">
              {latest.media.map((m) => (
                <li key={m.url}>
                  <a href={m.url} rel="noreferrer" target="_blank">
                    {m.url}
                  </a>{' '}
                  <span className="work-meta">
                    {m.mimeType} · {format.number(m.sizeBytes)} B ·{' '}
                    <span className="mono">{m.sha256.slice(0, 12)}…</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <ChecksPanel version={latest} submission={submission} problem={checksProblem} onDone={onDone} />
      </div>

      {submission.versions.length > 1 && <DiffPanel submission={submission} />}

      {isReviewer && stage && (
        <div className="review-grid">
          {canDecide ? (
            <DecisionForm
              key={`${stage.index}-${latest.number}`}
              submission={submission}
              onDone={onDone}
              onChecksFailing={setChecksProblem}
              reload={reload}
            />
          ) : (
            <p className="hint" id="decided-by">
              {t('review.decision.notYours', {
                agency: format.agency(stage.agencyId),
                role: t(`roles.${stage.role}` as 'roles.admin'),
              })}
            </p>
          )}
          <CommentForm
            submission={submission}
            version={latest}
            range={range}
            onClearRange={() => setRange(undefined)}
            onDone={onDone}
          />
        </div>
      )}

      {isCreator && <CreatorActions submission={submission} latest={latest} onDone={onDone} />}

      <Comments submission={submission} onDone={onDone} />
      <Decisions submission={submission} />
      {submission.versions.length > 1 && (
        <section className="section" aria-labelledby="earlier-title">
          <h2 id="earlier-title">{t('submission.earlier')}</h2>
          {submission.versions
            .slice(0, -1)
            .reverse()
            .map((version) => (
              <details key={version.number}>
                <summary>
                  {t('submission.version', { n: version.number })} · {format.dateTime(version.submittedAt)}
                </summary>
                {version.title && <h3>{version.title}</h3>}
                <div className="content-text">{version.text}</div>
                <CheckList version={version} platform={submission.platform} />
              </details>
            ))}
        </section>
      )}
    </>
  );
}

function CheckList({ version, platform }: { version: Version; platform: string }) {
  const { t } = useTranslation();
  return (
    <ul className="check-list">
      {version.checks.map((check) => {
        const override = version.overrides.find((o) => o.check === check.check);
        const state = check.passed ? 'passed' : override ? 'overridden' : 'failed';
        return (
          <li key={check.check} className={`check check-${state}`}>
            <span className="check-mark" aria-hidden="true">
              {state === 'passed' ? '✓' : state === 'overridden' ? '!' : '✗'}
            </span>
            <span>
              <strong>{t(`enums.check.${check.check}`)}</strong> — {t(`submission.check.${state}`)}
              <span className="work-meta">
                {' '}
                · {checkFindingText(t, check, { platform, mediaCount: version.media.length })}
              </span>
              {override && (
                <span className="work-meta">
                  {' '}
                  · {t('submission.check.overrideBy', { by: override.by, reason: override.reason })}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function ChecksPanel({
  version,
  submission,
  problem,
  onDone,
}: {
  version: Version;
  submission: Submission;
  problem?: Problem;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const canOverride = session.can('override', 'Submission') && submission.status === 'in_review';
  const failing = version.checks.filter((c) => !c.passed && !version.overrides.some((o) => o.check === c.check));
  return (
    <section className="section" aria-labelledby="checks-title" id="checks">
      <h2 id="checks-title">{t('submission.checks')}</h2>
      <div id="checks-problem-anchor" tabIndex={-1} className="summary-anchor">
        {problem && <ProblemAlert problem={problem} id="checks-problem" />}
      </div>
      <CheckList version={version} platform={submission.platform} />
      {canOverride && failing.length > 0 && (
        <OverrideForm
          key={failing.map((c) => c.check).join()}
          submission={submission}
          failing={failing.map((c) => c.check)}
          onDone={onDone}
        />
      )}
    </section>
  );
}

function OverrideForm({
  submission,
  failing,
  onDone,
}: {
  submission: Submission;
  failing: CheckName[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [check, setCheck] = useState<CheckName>(failing[0]);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(createIdempotencyKeys, []);
  const own =
    reason.trim() === '' && problem?.code === 'local.reason'
      ? [{ path: 'reason', code: 'reason_required', message: '' }]
      : formErrors(problem).filter((e) => e.path === 'reason');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setProblem({ code: 'local.reason', detail: '' });
    const body = { check, reason: reason.trim() };
    setBusy(true);
    const result = await settle(
      api.POST('/v1/submissions/{id}/overrides', {
        params: { path: { id: submission.id }, header: { 'Idempotency-Key': key(body) } },
        body,
      }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(undefined);
    setReason('');
    onDone(t('review.overridden', { check: t(`enums.check.${check}`) }));
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('review.override.title')}</h3>
      {problem && problem.code !== 'local.reason' && !own.length && <ProblemAlert problem={problem} />}
      <Field id="override-check" label={t('review.override.check')}>
        {(props) => (
          <select {...props} value={check} onChange={(e) => setCheck(e.target.value as CheckName)}>
            {failing.map((c) => (
              <option key={c} value={c}>
                {t(`enums.check.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="override-reason" label={t('review.override.reason')} errors={own}>
        {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="button-secondary" disabled={busy}>
        {t('review.override.submit')}
      </button>
    </form>
  );
}

function DiffPanel({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const numbers = submission.versions.map((v) => v.number);
  const [to, setTo] = useState(numbers[numbers.length - 1]);
  const [from, setFrom] = useState(numbers[numbers.length - 2]);
  const loaded = useApi(
    (signal) =>
      settle(
        api.GET('/v1/submissions/{id}/diff', { params: { path: { id: submission.id }, query: { from, to } }, signal }),
      ),
    [api, submission.id, from, to, submission.version],
  );
  const pick = (id: string, label: string, value: number, set: (n: number) => void) => (
    <Field id={id} label={label}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => set(Number(e.target.value))}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              {t('submission.version', { n })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const parts = (segments: Schemas['DiffView']['text']) =>
    segments.map((segment, i) =>
      segment.op === 'insert' ? (
        <ins key={i}>{segment.text}</ins>
      ) : segment.op === 'delete' ? (
        <del key={i}>{segment.text}</del>
      ) : (
        <span key={i}>{segment.text}</span>
      ),
    );
  return (
    <section className="section" aria-labelledby="diff-title" aria-busy={loaded.state === 'loading'}>
      <h2 id="diff-title">{t('review.diff.title')}</h2>
      <div className="field-row">
        {pick('diff-from', t('review.diff.from'), from, setFrom)}
        {pick('diff-to', t('review.diff.to'), to, setTo)}
      </div>
      <p className="hint">{t('review.diff.legend')}</p>
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.data && <SideBySide diff={loaded.data} from={from} to={to} parts={parts} />}
    </section>
  );
}

/** The earlier version on the left with its removals marked, the later one on the right with its additions. */
function SideBySide({
  diff,
  from,
  to,
  parts,
}: {
  diff: Schemas['DiffView'];
  from: number;
  to: number;
  parts: (segments: Schemas['DiffView']['text']) => ReactNode;
}) {
  const { t } = useTranslation();
  const text = sideBySide(diff.text);
  const title = sideBySide(diff.title);
  const titleChanged = diff.title.some((s) => s.op !== 'equal');
  const column = (side: 'before' | 'after', n: number) => (
    <div className="diff-column" role="group" aria-label={t(`review.diff.${side}`, { n })}>
      <h3 className="diff-column-title">{t(`review.diff.${side}`, { n })}</h3>
      {titleChanged && <p className="diff diff-title">{parts(title[side])}</p>}
      <div className="content-text diff">{parts(text[side])}</div>
    </div>
  );
  return (
    <div className="diff-columns">
      {column('before', from)}
      {column('after', to)}
    </div>
  );
}

function DecisionForm({
  submission,
  onDone,
  onChecksFailing,
  reload,
}: {
  submission: Submission;
  onDone: (message: string) => void;
  onChecksFailing: (problem: Problem | undefined) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const [decision, setDecision] = useState<DecisionKind | undefined>();
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useMemo(createIdempotencyKeys, []);
  const own = attempted ? validateDecision(decision, reason) : [];
  const errors = own.length ? own : formErrors(problem);
  const at = (path: string) => errors.filter((e) => e.path === path);
  const stage = submission.currentStage!;
  const latest = submission.versions[submission.versions.length - 1];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (validateDecision(decision, reason).length > 0 || !decision) return;
    const body = {
      decision,
      stage: stage.index,
      version: latest.number,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    setBusy(true);
    setProblem(undefined);
    onChecksFailing(undefined);
    const result = await settle(
      api.POST('/v1/submissions/{id}/decisions', {
        params: { path: { id: submission.id }, header: { 'Idempotency-Key': key(body) } },
        body,
      }),
    );
    setBusy(false);
    if (result.ok) {
      setAttempted(false);
      setReason('');
      setDecision(undefined);
      onDone(t(`review.decided.${decision}`));
      // The form may go (the review moved on): focus goes to the message that says what happened.
      document.getElementById('submission-notice')?.focus();
      return;
    }
    if (result.problem.code === 'submission.checks_failing') {
      onChecksFailing(result.problem);
      // Focus goes where the reason is shown: next to the checks.
      requestAnimationFrame(() => document.getElementById('checks-problem-anchor')?.focus());
      return;
    }
    setProblem(result.problem);
  }

  return (
    <section className="section" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('review.decision.title')}</h2>
      <p className="hint">
        {t('review.decision.intro', { n: latest.number, stage: stageName(t, format.agency, stage.key) })}
      </p>
      {problem?.code === 'submission.stage_changed' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('review.decision.stageChanged')}</p>
          <button type="button" className="button-secondary" onClick={reload}>
            {t('review.decision.reload')}
          </button>
        </div>
      ) : (
        problem && !formErrors(problem).length && <ProblemAlert problem={problem} />
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <fieldset
          className="field"
          id="decision-choice"
          aria-describedby={at('decision').length ? 'decision-choice-error' : undefined}
        >
          <legend className="legend-label">{t('review.decision.legend')}</legend>
          <ErrorLine id="decision-choice-error" errors={at('decision')} />
          <div className="radios">
            {(['approve', 'request_changes', 'reject'] as const).map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name="decision"
                  value={kind}
                  checked={decision === kind}
                  onChange={() => setDecision(kind)}
                />
                {t(`review.decision.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id="decision-reason"
          label={t('review.decision.reason')}
          hint={t('review.decision.reasonHint')}
          optional={decision === 'approve' ? t('register.optional') : undefined}
          errors={at('reason')}
          problem={problem}
        >
          {(props) => <textarea {...props} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit" className="button-primary" disabled={busy}>
          {t('review.decision.submit')}
        </button>
      </form>
    </section>
  );
}

function ErrorLine({ id, errors }: { id: string; errors: { path: string; code: string; message: string }[] }) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors
        .map((e) => t(`review.errors.${e.code}` as 'review.errors.required', { defaultValue: e.message }))
        .join(' ')}
    </p>
  );
}

function CommentForm({
  submission,
  version,
  range,
  onClearRange,
  onDone,
}: {
  submission: Submission;
  version: Version;
  range?: TextRange;
  onClearRange: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'creator' | 'internal'>('creator');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useMemo(createIdempotencyKeys, []);
  const errors = empty
    ? [{ path: 'body', code: 'required', message: '' }]
    : formErrors(problem).filter((e) => e.path === 'body');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setEmpty(true);
    const request = { body: body.trim(), version: version.number, visibility, ...(range ? { range } : {}) };
    setBusy(true);
    const result = await settle(
      api.POST('/v1/submissions/{id}/comments', {
        params: { path: { id: submission.id }, header: { 'Idempotency-Key': key(request) } },
        body: request,
      }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(undefined);
    setBody('');
    onClearRange();
    onDone(t('review.comment.sent'));
  }

  return (
    <section className="section" aria-labelledby="comment-title">
      <h2 id="comment-title">{t('review.comment.title')}</h2>
      {problem && !errors.length && <ProblemAlert problem={problem} />}
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <p className="hint" aria-live="polite">
          {range ? (
            <>
              {t('review.comment.on')} <q>{quoteOf(version.text, range)}</q>{' '}
              <button type="button" className="button-link-plain" onClick={onClearRange}>
                {t('review.comment.wholeText')}
              </button>
            </>
          ) : (
            t('review.comment.noRange')
          )}
        </p>
        <Field id="comment-body" label={t('review.comment.body')} errors={errors} problem={problem}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                setEmpty(false);
              }}
            />
          )}
        </Field>
        <fieldset className="field">
          <legend className="legend-label">{t('review.comment.visibility')}</legend>
          <div className="radios">
            {(['creator', 'internal'] as const).map((v) => (
              <label key={v} className="choice">
                <input
                  type="radio"
                  name="visibility"
                  value={v}
                  checked={visibility === v}
                  onChange={() => setVisibility(v)}
                />
                {t(`review.comment.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button-secondary" disabled={busy}>
          {t('review.comment.submit')}
        </button>
      </form>
    </section>
  );
}

function Comments({ submission, onDone }: { submission: Submission; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const asCreator = writesAsCreator(session.me!);
  const threads = useMemo(() => threadComments(submission.comments), [submission.comments]);
  // After a reply is sent the page reloads; focus goes to the reply once it is shown.
  const [focusId, setFocusId] = useState<string | undefined>();
  useEffect(() => {
    if (!focusId) return;
    const shown = document.getElementById(`comment-${focusId}`);
    if (shown) {
      shown.focus();
      setFocusId(undefined);
    }
  }, [focusId, submission.comments]);
  const replied = (id: string) => {
    setFocusId(id);
    onDone(t('review.comment.replySent'));
  };
  return (
    <section className="section" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('submission.comments')}</h2>
      {submission.comments.length === 0 && <p className="empty">{t('submission.noComments')}</p>}
      <ul className="work-list comment-list">
        {threads.map((thread) => (
          <CommentItem
            key={thread.comment.id}
            thread={thread}
            submission={submission}
            asCreator={asCreator}
            onReplied={replied}
            depth={0}
          />
        ))}
      </ul>
    </section>
  );
}

function CommentItem({
  thread,
  submission,
  asCreator,
  onReplied,
  depth,
}: {
  thread: Thread<Comment>;
  submission: Submission;
  asCreator: boolean;
  onReplied: (id: string) => void;
  depth: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const { comment, replies } = thread;
  const textOf = (n: number) => submission.versions.find((v) => v.number === n)?.text ?? '';
  const formId = `reply-${comment.id}`;
  return (
    <li id={`comment-${comment.id}`} tabIndex={-1} className="comment">
      <span className="work-meta">
        {comment.by} · {format.dateTime(comment.at)}
        {depth === 0 && <> · {t('submission.version', { n: comment.version })}</>}
        {comment.visibility === 'internal' && (
          <>
            {' '}
            <span className="tag tag-muted">{t('review.comment.internal')}</span>
          </>
        )}
      </span>
      {comment.range && <q className="quote">{quoteOf(textOf(comment.version), comment.range)}</q>}
      <span className="comment-body">{comment.body}</span>
      {canReply(comment, asCreator) && (
        <div className="comment-actions">
          <button
            ref={replyButton}
            type="button"
            className="button-link-plain"
            aria-expanded={replying}
            aria-controls={replying ? formId : undefined}
            aria-label={t('review.comment.replyTo', { by: comment.by, at: format.dateTime(comment.at) })}
            onClick={() => (replying ? document.getElementById(`${formId}-body`)?.focus() : setReplying(true))}
          >
            {t('review.comment.reply')}
          </button>
        </div>
      )}
      {replying && (
        <ReplyForm
          id={formId}
          submission={submission}
          parent={comment}
          asCreator={asCreator}
          onCancel={() => {
            setReplying(false);
            replyButton.current?.focus();
          }}
          onSent={(id) => {
            setReplying(false);
            onReplied(id ?? comment.id);
          }}
        />
      )}
      {replies.length > 0 && (
        <ul className="comment-replies" aria-label={t('review.comment.replies', { by: comment.by })}>
          {replies.map((reply) => (
            <CommentItem
              key={reply.comment.id}
              thread={reply}
              submission={submission}
              asCreator={asCreator}
              onReplied={onReplied}
              depth={depth + 1}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A reply under a comment: seen by the same people as the comment; what was typed stays on an error. */
function ReplyForm({
  id,
  submission,
  parent,
  asCreator,
  onCancel,
  onSent,
}: {
  id: string;
  submission: Submission;
  parent: Comment;
  asCreator: boolean;
  onCancel: () => void;
  onSent: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const w = useWrite();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const visibility = replyVisibility(parent, asCreator);
  const fieldErrors = empty ? [] : formErrors(w.problem);
  const bodyErrors = empty
    ? [{ path: 'body', code: 'required', message: '' }]
    : fieldErrors.filter((e) => e.path === 'body');
  const otherErrors = fieldErrors.filter((e) => e.path !== 'body');
  const bodyId = `${id}-body`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      return document.getElementById(bodyId)?.focus();
    }
    const request = { body: body.trim(), version: parent.version, parentId: parent.id, visibility };
    w.setBusy(true);
    const result = await settle(
      api.POST('/v1/submissions/{id}/comments', {
        params: { path: { id: submission.id }, header: { 'Idempotency-Key': w.key(request) } },
        body: request,
      }),
    );
    w.setBusy(false);
    if (!result.ok) {
      w.setProblem(result.problem);
      return document.getElementById(bodyId)?.focus();
    }
    w.setProblem(undefined);
    onSent(addedReply(submission.comments, result.data.comments, parent.id)?.id);
  }

  return (
    <form
      id={id}
      className="inline-form reply-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-busy={w.busy}
      aria-label={t('review.comment.replyTo', { by: parent.by, at: format.dateTime(parent.at) })}
    >
      {w.problem && !empty && !bodyErrors.length && !otherErrors.length && <ProblemAlert problem={w.problem} />}
      {otherErrors.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>
            {otherErrors
              .map((e) =>
                t(`review.comment.errors.${e.code}` as 'review.comment.errors.unknown_comment', {
                  defaultValue: e.message,
                }),
              )
              .join(' ')}
          </p>
        </div>
      )}
      <Field
        id={bodyId}
        label={t('review.comment.replyBody')}
        hint={t('review.comment.replySeenBy', { who: t(`review.comment.${visibility}`) })}
        errors={bodyErrors}
        problem={w.problem}
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={body}
            autoFocus
            onChange={(e) => {
              setBody(e.target.value);
              setEmpty(false);
            }}
          />
        )}
      </Field>
      <div className="reply-actions">
        <button type="submit" className="button-secondary" disabled={w.busy}>
          {t('review.comment.replySubmit')}
        </button>
        <button type="button" className="button-link-plain" onClick={onCancel}>
          {t('review.comment.replyCancel')}
        </button>
      </div>
    </form>
  );
}

function Decisions({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (submission.decisions.length === 0) return null;
  return (
    <section className="section" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('submission.decisions')}</h2>
      <ul className="work-list">
        {submission.decisions.map((d, i) => (
          <li key={i}>
            <span className="work-title">
              {t(`review.decision.${d.decision}`)} · {t('submission.version', { n: d.version })} ·{' '}
              {stageName(t, format.agency, d.stage)}
            </span>
            <span className="work-meta">
              {d.by} · {format.agency(d.agencyId)} · {format.dateTime(d.at)}
            </span>
            {d.reason && <span>{d.reason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A small form posting one thing: its errors, busy state and idempotency key. */
function useWrite() {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useRef(createIdempotencyKeys()).current;
  return { problem, setProblem, busy, setBusy, key };
}

function CreatorActions({
  submission,
  latest,
  onDone,
}: {
  submission: Submission;
  latest: Version;
  onDone: (message: string) => void;
}) {
  const open = submission.status === 'in_review' || submission.status === 'changes_requested';
  return (
    <>
      {submission.status === 'changes_requested' && (
        <NewVersionForm submission={submission} latest={latest} onDone={onDone} />
      )}
      {submission.status === 'approved' && !submission.publication && (
        <PublicationForm submission={submission} onDone={onDone} />
      )}
      {submission.publication && <MetricsForm publication={submission.publication} onDone={onDone} />}
      {open && <WithdrawForm submission={submission} onDone={onDone} />}
    </>
  );
}

function NewVersionForm({
  submission,
  latest,
  onDone,
}: {
  submission: Submission;
  latest: Version;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const w = useWrite();
  const [rows, setRows] = useState<number[]>([]);
  const [draft, setDraft] = useState<ContentDraft>(() => ({
    title: latest.title ?? '',
    text: latest.text,
    media: latest.media.length
      ? latest.media.map((m) => ({
          ...emptyMedia(),
          url: m.url,
          mimeType: m.mimeType,
          sizeBytes: String(m.sizeBytes),
          sha256: m.sha256,
        }))
      : [emptyMedia()],
  }));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const { body, rows: r } = contentBody(draft);
    setRows(r);
    w.setBusy(true);
    const result = await settle(
      api.POST('/v1/submissions/{id}/versions', {
        params: { path: { id: submission.id }, header: { 'Idempotency-Key': w.key(body) } },
        body,
      }),
    );
    w.setBusy(false);
    if (!result.ok) return w.setProblem(result.problem);
    w.setProblem(undefined);
    onDone(t('submission.newVersion.sent'));
  }
  const errors = toRowPaths(formErrors(w.problem), rows);
  return (
    <section className="section" aria-labelledby="new-version-title">
      <h2 id="new-version-title">{t('submission.newVersion.title')}</h2>
      <p className="hint">{t('submission.newVersion.intro')}</p>
      {w.problem && !errors.length && <ProblemAlert problem={w.problem} />}
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={w.busy}>
        <ContentFields prefix="new-version" draft={draft} onChange={setDraft} errors={errors} problem={w.problem} />
        <button type="submit" className="button-primary" disabled={w.busy}>
          {t('submission.newVersion.submit')}
        </button>
      </form>
    </section>
  );
}

function WithdrawForm({ submission, onDone }: { submission: Submission; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const w = useWrite();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = reason.trim() ? { reason: reason.trim() } : {};
    w.setBusy(true);
    const result = await settle(
      api.POST('/v1/submissions/{id}/withdraw', {
        params: { path: { id: submission.id }, header: { 'Idempotency-Key': w.key(body) } },
        body,
      }),
    );
    w.setBusy(false);
    if (!result.ok) return w.setProblem(result.problem);
    onDone(t('submission.withdraw.done'));
  }
  return (
    <section className="section" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('submission.withdraw.title')}</h2>
      {w.problem && <ProblemAlert problem={w.problem} />}
      {!open ? (
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {t('submission.withdraw.open')}
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field id="withdraw-reason" label={t('submission.withdraw.reason')} optional={t('register.optional')}>
            {(props) => (
              <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
            )}
          </Field>
          <button type="submit" className="button-secondary" disabled={w.busy}>
            {t('submission.withdraw.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

function PublicationForm({ submission, onDone }: { submission: Submission; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const w = useWrite();
  const [url, setUrl] = useState('');
  const [publishedAt, setPublishedAt] = useState(() => isoToLocal(new Date().toISOString()));
  const errors = formErrors(w.problem);
  const at = (path: string) => errors.filter((e) => e.path === path);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { url: url.trim(), publishedAt: localToIso(publishedAt) ?? '' };
    w.setBusy(true);
    const result = await settle(
      api.POST('/v1/submissions/{id}/publication', {
        params: { path: { id: submission.id }, header: { 'Idempotency-Key': w.key(body) } },
        body,
      }),
    );
    w.setBusy(false);
    if (!result.ok) return w.setProblem(result.problem);
    w.setProblem(undefined);
    onDone(t('submission.publication.done'));
  }
  return (
    <section className="section" aria-labelledby="publication-title">
      <h2 id="publication-title">{t('submission.publication.title')}</h2>
      {w.problem && (errors.length ? <ProblemAlertText problem={w.problem} /> : <ProblemAlert problem={w.problem} />)}
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={w.busy}>
        <Field
          id="publication-url"
          label={t('submission.publication.url')}
          hint={t('submission.publication.urlHint', { platform: t(`enums.platform.${submission.platform}`) })}
          errors={at('url')}
          problem={w.problem}
        >
          {(props) => (
            <input
              {...props}
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          id="publication-at"
          label={t('submission.publication.at')}
          errors={at('publishedAt')}
          problem={w.problem}
        >
          {(props) => (
            <DateInput
              {...props}
              kind="datetime-local"
              value={publishedAt}
              onChange={(e) => setPublishedAt(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button-primary" disabled={w.busy}>
          {t('submission.publication.submit')}
        </button>
      </form>
    </section>
  );
}

/** The problem's sentence, without repeating field errors shown in place. */
function ProblemAlertText({ problem }: { problem: Problem }): ReactNode {
  const say = useMessage();
  return (
    <div className="alert alert-error" role="alert">
      <p>{say({ keys: [`problem.${problem.code}`], values: {}, fallback: problem.detail })}</p>
    </div>
  );
}

const COUNTERS = ['views', 'likes', 'comments', 'shares'] as const;
type CounterReading = { at: string } & Record<(typeof COUNTERS)[number], number>;

/**
 * Reach as the platform shows it. Counters only grow: when the API refuses
 * figures below the last reading (409 `metrics.counter_decreased`), the form
 * says which, with both figures, and offers to send them as a correction with
 * a reason (which the API stores and audits).
 */
function MetricsForm({
  publication,
  onDone,
}: {
  publication: NonNullable<Submission['publication']>;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const w = useWrite();
  const [values, setValues] = useState({ views: '', likes: '', comments: '', shares: '' });
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const errors = formErrors(w.problem);
  const at = (path: string) => errors.filter((e) => e.path === path);
  const latest = publication.latestMetrics;
  const fallen = w.problem?.code === 'metrics.counter_decreased' ? w.problem : undefined;
  async function send(correct: boolean) {
    const n = (s: string) => Number(s.replace(/[\s.,]/g, '') || '0');
    const body = {
      at: new Date().toISOString(),
      views: n(values.views),
      likes: n(values.likes),
      comments: n(values.comments),
      shares: n(values.shares),
      ...(correct ? { correction: { reason: reason.trim() } } : {}),
    };
    w.setBusy(true);
    const result = await settle(
      api.POST('/v1/publications/{id}/metrics', {
        params: { path: { id: publication.id }, header: { 'Idempotency-Key': w.key(body) } },
        body,
      }),
    );
    w.setBusy(false);
    if (!result.ok) {
      if (result.problem.code === 'metrics.counter_decreased') setCorrecting(true);
      return w.setProblem(result.problem);
    }
    w.setProblem(undefined);
    setCorrecting(false);
    setReason('');
    setValues({ views: '', likes: '', comments: '', shares: '' });
    onDone(t(correct ? 'submission.metrics.corrected' : 'submission.metrics.done'));
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(false);
  }
  return (
    <section className="section" aria-labelledby="metrics-title">
      <h2 id="metrics-title">{t('submission.metrics.title')}</h2>
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
        w.problem && !errors.length && <ProblemAlert problem={w.problem} />
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={w.busy}>
        <div className="field-row">
          {COUNTERS.map((k) => (
            <Field key={k} id={`metrics-${k}`} label={t(`submission.metrics.${k}`)} errors={at(k)} problem={w.problem}>
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={values[k]}
                  onChange={(e) => setValues({ ...values, [k]: e.target.value })}
                  autoComplete="off"
                />
              )}
            </Field>
          ))}
        </div>
        <button type="submit" className="button-primary" disabled={w.busy}>
          {t('submission.metrics.submit')}
        </button>
        {correcting && (
          <>
            <Field
              id="metrics-correction"
              label={t('submission.metrics.correctionReason')}
              hint={t('submission.metrics.correctionHint')}
              errors={at('correction.reason')}
              problem={w.problem}
            >
              {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <button type="button" className="button-secondary" disabled={w.busy} onClick={() => void send(true)}>
              {t('submission.metrics.sendCorrection')}
            </button>
          </>
        )}
      </form>
    </section>
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
