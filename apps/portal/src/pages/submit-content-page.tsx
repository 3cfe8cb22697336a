import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { BRIEF_KINDS } from '@concord/domain';
import { settle, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { DateInput } from '../components/date-input';
import { ContentFields, contentBody, emptyMedia, toRowPaths, type ContentDraft } from '../content/content-form';
import { formErrors } from '../content/review';
import { Field } from '../components/field';
import { Loading, ProblemAlert } from '../components/messages';
import { PageHeading } from '../components/page';
import { createIdempotencyKeys } from '../lib/idempotency';
import { useApi } from '../lib/use-api';
import { useApiClient } from '../session/session';

type Assignment = Schemas['AssignmentView'];
type Platform = Schemas['Submission']['platform'];
type Kind = Schemas['Submission']['kind'];

const OWN_FIELDS = ['platform', 'kind', 'plannedAt'];

/** `2026-03-01T09:30` in the reader's time zone → ISO. */
export function localToIso(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** An ISO time → the value of a `datetime-local` input in the reader's time zone. */
export function isoToLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The creator submits content for an accepted assignment. */
export default function SubmitContentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/assignments/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  return (
    <div className="page page-form">
      <p className="breadcrumb">
        <Link to="/">{t('nav.home')}</Link>
      </p>
      <PageHeading title={t('submit.title')}>{t('submit.title')}</PageHeading>
      {loaded.state === 'loading' && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.state === 'ok' && <SubmitForm assignment={loaded.data} />}
    </div>
  );
}

function SubmitForm({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const navigate = useNavigate();
  const [platform, setPlatform] = useState<Platform>(assignment.brief.platforms[0] ?? 'tiktok');
  const [kind, setKind] = useState<Kind>(assignment.brief.kind);
  const [plannedAt, setPlannedAt] = useState(() => isoToLocal(assignment.window.start));
  const [draft, setDraft] = useState<ContentDraft>({ title: '', text: '', media: [emptyMedia()] });
  const [problem, setProblem] = useState<Problem | undefined>();
  const [rows, setRows] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useMemo(createIdempotencyKeys, []);

  const errors = toRowPaths(formErrors(problem), rows);
  const own = (path: string) => errors.filter((e) => e.path === path);
  const rest = errors.filter((e) => !OWN_FIELDS.includes(e.path));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const content = contentBody(draft);
    const at = localToIso(plannedAt);
    if (!at) {
      setProblem({
        code: 'validation.failed',
        detail: 'plannedAt',
        errors: [{ path: 'plannedAt', code: 'required', message: 'Choose a time' }],
      });
      return;
    }
    const body = { ...content.body, platform, kind, plannedAt: at };
    setRows(content.rows);
    setBusy(true);
    setProblem(undefined);
    const result = await settle(
      api.POST('/v1/assignments/{id}/submissions', {
        params: { path: { id: assignment.id }, header: { 'Idempotency-Key': idempotencyKey(body) } },
        body,
      }),
    );
    setBusy(false);
    if (result.ok) {
      void navigate(`/submissions/${result.data.id}`, { state: { submitted: true } });
      return;
    }
    setProblem(result.problem);
  }

  return (
    <>
      <p className="lead">
        {assignment.brief.title} · {assignment.campaign.title}
      </p>
      <div className="alert alert-info">
        <p>
          {t('submit.reminder')}{' '}
          {assignment.disclosureLabel && <span className="label-chip">{assignment.disclosureLabel}</span>}{' '}
          {assignment.campaign.requiredHashtags.map((tag) => (
            <span key={tag} className="label-chip">
              {tag}
            </span>
          ))}
        </p>
      </div>
      {problem &&
        (problem.errors?.length ? (
          <div role="alert" className="alert alert-error">
            <p>{t('problem.validation.failed')}</p>
          </div>
        ) : (
          <ProblemAlert problem={problem} />
        ))}
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <div className="field-row">
          <Field id="submit-platform" label={t('submit.platform')} errors={own('platform')} problem={problem}>
            {(props) => (
              <select {...props} value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
                {assignment.brief.platforms.map((p) => (
                  <option key={p} value={p}>
                    {t(`enums.platform.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="submit-kind" label={t('submit.kind')} errors={own('kind')} problem={problem}>
            {(props) => (
              <select {...props} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {BRIEF_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`enums.contentKind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="submit-plannedAt" label={t('submit.plannedAt')} errors={own('plannedAt')} problem={problem}>
            {(props) => (
              <DateInput
                {...props}
                kind="datetime-local"
                value={plannedAt}
                onChange={(e) => setPlannedAt(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ContentFields prefix="submit" draft={draft} onChange={setDraft} errors={rest} problem={problem} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('submit.sending') : t('submit.send')}
          </button>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {busy ? t('submit.sending') : ''}
        </p>
      </form>
    </>
  );
}
