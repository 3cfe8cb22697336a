import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { placeFieldErrors, type Problem } from '../../api/problem';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, ProblemAlert } from '../../components/messages';
import { Breadcrumb, PageHeading } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { useForm } from '../../lib/use-form';
import { useApiClient, useSession } from '../../session/session';
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
import { StaleNotice, type Stale } from './stale-notice';
import { TextField } from '../../components/text-field';

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
        <PageHeading title={t('creatorEdit.titlePlain')} />
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

/** A stale refusal: someone saved the creator since it was read. */
const isStaleVersion = (problem: Problem) => problem.code === 'version.mismatch' || problem.status === 412;

function EditForm({ initial }: { initial: Creator }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const navigate = useNavigate();
  // The creator as last read: the version sent in If-Match and what "changed" is measured against.
  const [base, setBase] = useState(initial);
  const [stale, setStale] = useState<Stale | undefined>();
  const [unchanged, setUnchanged] = useState(false);
  const form = useForm<EditDraft, Creator>({
    initial: () => draftFromCreator(initial),
    validate: (draft) => validateUpdate(buildUpdate(draft, base)),
    request: (draft) => {
      const body = buildUpdate(draft, base);
      if (Object.keys(body).length === 0) return undefined;
      return {
        body: { body, version: base.version },
        send: (key) =>
          settle(
            api.PATCH('/v1/creators/{id}', {
              params: {
                path: { id: base.id },
                header: { 'If-Match': ifMatchOf(base.version), 'Idempotency-Key': key },
              },
              body,
            }),
          ),
      };
    },
    pathOf: (field) => EDIT_FIELD_PATHS[field],
    onDone: () => void navigate(`/creators/${base.id}`, { state: { updated: true } }),
    onNothing: () => setUnchanged(true),
    isStale: isStaleVersion,
    // Someone saved meanwhile: read the creator again, keep what was typed, say what changed.
    onStale: async () => {
      const fresh = await settle(api.GET('/v1/creators/{id}', { params: { path: { id: base.id } } }));
      if (!fresh.ok) return;
      setStale({ fields: changedFields(base, fresh.data), saved: draftFromCreator(fresh.data) });
      form.setValues((d) => rebaseDraft(d, base, fresh.data));
      setBase(fresh.data);
    },
  });
  const { values: draft, problem, busy } = form;
  const placed = placeFieldErrors(form.errors, EDIT_FORM_PATHS);
  const errorsAt = (path: string) => placed.byField.get(path) ?? [];
  const update = <K extends EditField>(field: K, value: EditDraft[K]) => {
    form.set(field, value);
    setUnchanged(false);
  };
  const heading = t('creatorEdit.title', { name: initial.displayName });

  return (
    <div className="page page-form">
      <Breadcrumb to={`/creators/${base.id}`}>{base.displayName}</Breadcrumb>
      <PageHeading title={heading} />
      <p className="lead">{t('creatorEdit.intro')}</p>

      <div ref={form.summary} tabIndex={-1} className="summary-anchor">
        {stale && form.stale ? (
          <StaleNotice
            stale={stale}
            problem={problem}
            onTakeSaved={() => {
              form.reset(draftFromCreator(base));
              setStale(undefined);
            }}
          />
        ) : (
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

      <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={busy}>
        <TextField
          id={editInputId(EDIT_FIELD_PATHS.displayName)}
          errors={errorsAt(EDIT_FIELD_PATHS.displayName)}
          problem={problem}
          label={t('register.displayName')}
          hint={t('register.displayNameHint')}
          value={draft.displayName}
          onChange={(e) => update('displayName', e.target.value)}
        />

        <ProfileFields draft={draft} inputId={editInputId} errorsAt={errorsAt} problem={problem} onChange={update} />

        {showsConsent(base) && (
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
