import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { placeFieldErrors, problemMessage, type FieldProblem, type Problem } from '../../api/problem';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Loading, ProblemAlert, useMessage } from '../../components/messages';
import { PageHeading } from '../../components/page';
import {
  buildUpdate,
  changedFields,
  draftFromCreator,
  EDIT_FIELD_PATHS,
  EDIT_FORM_PATHS,
  editInputId,
  ifMatchOf,
  rebaseDraft,
  showsConsent,
  validateUpdate,
  type EditDraft,
  type EditField,
} from './edit-form';
import { ConsentFields, ProfileFields } from './profile-fields';
import { useFormat } from '../../lib/format';
import { createIdempotencyKeys } from '../../lib/idempotency';
import { useApi } from '../../lib/use-api';
import { useApiClient, useSession } from '../../session/session';

type Creator = Schemas['Creator'];

/** Changes a creator's name, topics, languages, regions and consent, against the version read. */
export default function EditCreatorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const session = useSession();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/creators/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );

  if (loaded.state === 'loading' && !loaded.data) return <Loading label={t('creator.loading')} />;
  if (loaded.state === 'error' || !session.can('update', 'Creator')) {
    return (
      <div className="page">
        <PageHeading title={t('creatorEdit.titlePlain')}>{t('creatorEdit.titlePlain')}</PageHeading>
        {loaded.state === 'error' ? (
          <ProblemAlert problem={loaded.problem} onRetry={loaded.problem.status === 404 ? undefined : loaded.reload} />
        ) : (
          <p className="empty">{t('creatorEdit.notAllowed')}</p>
        )}
        <p>
          <Link to={`/creators/${id}`}>{t('creatorEdit.back')}</Link>
        </p>
      </div>
    );
  }
  return <EditForm key={loaded.data!.id} initial={loaded.data!} />;
}

/** The API's refusal of the last attempt; its field errors go when their field is changed. */
interface Refusal {
  problem: Problem;
  errors: FieldProblem[];
}

/** After a stale-version refusal: the fields someone else changed, with their saved values. */
interface Stale {
  fields: EditField[];
  saved: EditDraft;
}

function EditForm({ initial }: { initial: Creator }) {
  const { t } = useTranslation();
  const say = useMessage();
  const format = useFormat();
  const api = useApiClient();
  const navigate = useNavigate();
  // The creator as last read: the version sent in If-Match and what "changed" is measured against.
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState<EditDraft>(() => draftFromCreator(initial));
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [stale, setStale] = useState<Stale | undefined>();
  const [unchanged, setUnchanged] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const idempotencyKey = useMemo(createIdempotencyKeys, []);
  const consent = showsConsent(base);

  const ownErrors = useMemo(
    () => (attempted ? validateUpdate(buildUpdate(draft, base)) : []),
    [attempted, draft, base],
  );
  const shown = ownErrors.length > 0 ? ownErrors : (refusal?.errors ?? []);
  const placed = placeFieldErrors(shown, EDIT_FORM_PATHS);
  const problem = ownErrors.length > 0 ? undefined : refusal?.problem;
  const errorsAt = (path: string) => placed.byField.get(path) ?? [];
  const control = (field: EditField) => ({
    id: editInputId(EDIT_FIELD_PATHS[field]),
    errors: errorsAt(EDIT_FIELD_PATHS[field]),
    problem,
  });

  function update<K extends EditField>(field: K, value: EditDraft[K]) {
    const path = EDIT_FIELD_PATHS[field];
    setDraft((d) => ({ ...d, [field]: value }));
    setUnchanged(false);
    setRefusal(
      (current) =>
        current && {
          ...current,
          errors: current.errors.filter((e) => e.path !== path && !e.path.startsWith(`${path}.`)),
        },
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const body = buildUpdate(draft, base);
    if (validateUpdate(body).length > 0) {
      setRefusal(undefined);
      return focusSummary();
    }
    if (Object.keys(body).length === 0) {
      setRefusal(undefined);
      return setUnchanged(true);
    }
    setBusy(true);
    setRefusal(undefined);
    setStale(undefined);
    const result = await settle(
      api.PATCH('/v1/creators/{id}', {
        params: {
          path: { id: base.id },
          header: {
            'If-Match': ifMatchOf(base.version),
            'Idempotency-Key': idempotencyKey({ body, version: base.version }),
          },
        },
        body,
      }),
    );
    if (result.ok) {
      setBusy(false);
      void navigate(`/creators/${base.id}`, { state: { updated: true } });
      return;
    }
    if (result.problem.code === 'version.mismatch' || result.problem.status === 412) {
      // Someone saved meanwhile: read the creator again, keep what was typed, say what changed.
      const fresh = await settle(api.GET('/v1/creators/{id}', { params: { path: { id: base.id } } }));
      if (fresh.ok) {
        setStale({ fields: changedFields(base, fresh.data), saved: draftFromCreator(fresh.data) });
        setDraft((d) => rebaseDraft(d, base, fresh.data));
        setBase(fresh.data);
      }
    }
    setBusy(false);
    setRefusal({ problem: result.problem, errors: result.problem.errors ?? [] });
    focusSummary();
  }

  function focusSummary() {
    requestAnimationFrame(() => summary.current?.focus());
  }

  function takeSaved() {
    setDraft(draftFromCreator(base));
    setStale(undefined);
    setRefusal(undefined);
    setAttempted(false);
  }

  const labelOf = (field: EditField): string =>
    ({
      displayName: t('register.displayName'),
      topics: t('register.topics'),
      languages: t('register.languages'),
      regions: t('register.regions'),
      consentGivenAt: t('register.consent.givenAt'),
      consentScope: t('register.consent.scope'),
      consentEvidence: t('register.consent.evidence'),
    })[field];
  const valueOf = (saved: EditDraft, field: EditField): string => {
    if (field === 'topics') return saved.topics.map((topic) => t(`enums.topic.${topic}`)).join(', ') || t('app.none');
    if (field === 'consentGivenAt') return saved.consentGivenAt ? format.date(saved.consentGivenAt) : t('app.none');
    return saved[field] || t('app.none');
  };
  const heading = t('creatorEdit.title', { name: initial.displayName });

  return (
    <div className="page page-form">
      <p className="breadcrumb">
        <Link to={`/creators/${base.id}`}>{base.displayName}</Link>
      </p>
      <PageHeading title={heading}>{heading}</PageHeading>
      <p className="lead">{t('creatorEdit.intro')}</p>

      <div ref={summary} tabIndex={-1} className="summary-anchor">
        {stale && (
          <div className="alert alert-error" role="alert">
            <p>{problem ? say(problemMessage(problem)) : null}</p>
            <p>{stale.fields.length > 0 ? t('creatorEdit.stale.changed') : t('creatorEdit.stale.sameFields')}</p>
            {stale.fields.length > 0 && (
              <ul>
                {stale.fields.map((field) => (
                  <li key={field}>
                    {t('creatorEdit.stale.field', { field: labelOf(field), value: valueOf(stale.saved, field) })}
                  </li>
                ))}
              </ul>
            )}
            <p>{t('creatorEdit.stale.choose')}</p>
            <button type="button" className="button-secondary" onClick={takeSaved}>
              {t('creatorEdit.stale.useSaved')}
            </button>
          </div>
        )}
        {!stale && (
          <ErrorSummary title={t('creatorEdit.summaryTitle')} placed={placed} problem={problem} inputId={editInputId} />
        )}
      </div>
      <div role="status" aria-live="polite">
        {unchanged && (
          <div className="alert alert-info">
            <p>{t('creatorEdit.unchanged')}</p>
          </div>
        )}
      </div>

      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <Field {...control('displayName')} label={t('register.displayName')} hint={t('register.displayNameHint')}>
          {(props) => (
            <input
              {...props}
              value={draft.displayName}
              onChange={(e) => update('displayName', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>

        <ProfileFields draft={draft} inputId={editInputId} errorsAt={errorsAt} problem={problem} onChange={update} />

        {consent && (
          <ConsentFields
            draft={draft}
            inputId={editInputId}
            errorsAt={errorsAt}
            problem={problem}
            onChange={update}
            hint={t('creatorEdit.consentHint')}
          />
        )}

        <p className="hint">{t('creatorEdit.elsewhere')}</p>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('creatorEdit.saving') : t('creatorEdit.save')}
          </button>
          <Link to={`/creators/${base.id}`}>{t('creatorEdit.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
