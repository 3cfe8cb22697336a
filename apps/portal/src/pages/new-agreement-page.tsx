import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { settle } from '../api/client';
import { placeFieldErrors, type FieldProblem, type Problem } from '../api/problem';
import {
  buildCreateRequest,
  emptyAgreementDraft,
  inputIdOf,
  TERM_FIELD_PATHS,
  termPaths,
  toFormPaths,
  validateCreate,
  type AgreementDraft,
  type AgreementKind,
  type DeliverableDraft,
} from '../agreements/agreement-form';
import { TermsFields, useWordedErrors } from '../agreements/terms-fields';
import { ErrorSummary } from '../components/error-summary';
import { Field } from '../components/field';
import { FieldErrors, ProblemAlert } from '../components/messages';
import { PageHeading } from '../components/page';
import { createIdempotencyKeys } from '../lib/idempotency';
import { useApi, useDebounced } from '../lib/use-api';
import { useApiClient, useSession } from '../session/session';

const FORM = 'new-agreement';
const KINDS: AgreementKind[] = ['service_contract', 'memorandum'];

interface Refusal {
  problem: Problem;
  errors: FieldProblem[];
}

/**
 * Drafts an agreement with a registered creator or management company.
 * Checks what it can before sending (the domain's contract), then shows every
 * error the API returns next to its field; what was typed stays as it was.
 */
export default function NewAgreementPage() {
  const { t } = useTranslation();
  const worded = useWordedErrors();
  const api = useApiClient();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<AgreementDraft>(() => emptyAgreementDraft(params.get('counterparty') ?? ''));
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const idempotencyKey = useMemo(createIdempotencyKeys, []);

  const ownErrors = useMemo(() => {
    if (!attempted) return [];
    const { body, deliverableRows } = buildCreateRequest(draft);
    return toFormPaths(validateCreate(body), deliverableRows);
  }, [attempted, draft]);
  const problem = ownErrors.length > 0 ? undefined : refusal?.problem;
  const shown = worded(ownErrors.length > 0 ? ownErrors : (refusal?.errors ?? []), problem);
  const placed = placeFieldErrors(shown, ['kind', 'counterpartyId', ...termPaths(draft)]);
  const errorsAt = (path: string) => placed.byField.get(path) ?? [];

  /** Applies a change made at `path`; the API's errors about what was there before go. */
  function edit(path: string, change: (d: AgreementDraft) => AgreementDraft) {
    setDraft(change);
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
    const { body, deliverableRows } = buildCreateRequest(draft);
    if (validateCreate(body).length > 0) {
      setRefusal(undefined);
      focusSummary();
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    const result = await settle(
      api.POST('/v1/agreements', { body, params: { header: { 'Idempotency-Key': idempotencyKey(body) } } }),
    );
    setBusy(false);
    if (result.ok) {
      void navigate(`/agreements/${result.data.id}`, { state: { drafted: true } });
      return;
    }
    setRefusal({ problem: result.problem, errors: toFormPaths(result.problem.errors ?? [], deliverableRows) });
    focusSummary();
  }

  function focusSummary() {
    requestAnimationFrame(() => summary.current?.focus());
  }

  if (session.me && !session.can('create', 'Agreement')) {
    return (
      <div className="page page-form">
        <PageHeading title={t('agreementsArea.new.title')}>{t('agreementsArea.new.title')}</PageHeading>
        <ProblemAlert problem={{ code: 'auth.forbidden', detail: '' }} />
      </div>
    );
  }

  return (
    <div className="page page-form">
      <p className="breadcrumb">
        <Link to="/agreements">{t('agreementsArea.nav')}</Link>
      </p>
      <PageHeading title={t('agreementsArea.new.title')}>{t('agreementsArea.new.title')}</PageHeading>
      <p className="lead">{t('agreementsArea.new.intro')}</p>

      <div ref={summary} tabIndex={-1} className="summary-anchor">
        <ErrorSummary
          title={t('agreementsArea.form.summaryTitle')}
          placed={placed}
          problem={problem}
          inputId={(path) => inputIdOf(FORM, path)}
        />
      </div>

      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <fieldset className="group" id={inputIdOf(FORM, 'kind')}>
          <legend>{t('agreementsArea.form.kind')}</legend>
          <FieldErrors id={`${inputIdOf(FORM, 'kind')}-error`} errors={errorsAt('kind')} />
          <div className="radios">
            {KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={() => edit('kind', (d) => ({ ...d, kind }))}
                />
                {t(`agreementsArea.kind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <CounterpartyPicker
          value={draft.counterpartyId}
          errors={errorsAt('counterpartyId')}
          onChange={(id) => edit('counterpartyId', (d) => ({ ...d, counterpartyId: id }))}
        />

        <TermsFields
          form={FORM}
          draft={draft}
          errorsAt={errorsAt}
          onField={(field, value) => edit(TERM_FIELD_PATHS[field], (d) => ({ ...d, [field]: value }))}
          onDeliverables={(path, change: (rows: DeliverableDraft[]) => DeliverableDraft[]) =>
            edit(path, (d) => ({ ...d, deliverables: change(d.deliverables) }))
          }
        />

        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('agreementsArea.new.submitting') : t('agreementsArea.new.submit')}
          </button>
          <Link to="/agreements">{t('agreementsArea.new.cancel')}</Link>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {busy ? t('agreementsArea.new.submitting') : ''}
        </p>
      </form>
    </div>
  );
}

/** Finds a registered creator or management company by name or handle, and picks one as the counterparty. */
function CounterpartyPicker({
  value,
  errors,
  onChange,
}: {
  value: string;
  errors: FieldProblem[];
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 300);
  const [chosen, setChosen] = useState<{ id: string; name: string } | undefined>();
  const found = useApi(
    (signal) => settle(api.GET('/v1/creators', { params: { query: { q: settled || undefined, limit: 20 } }, signal })),
    [api, settled],
  );
  // A counterparty given in the address (from a creator's page) is named once it loads.
  const given = useApi(
    (signal) =>
      value && !chosen
        ? settle(api.GET('/v1/creators/{id}', { params: { path: { id: value } }, signal }))
        : Promise.resolve({ ok: false as const, problem: { code: 'none', detail: '' } }),
    [api, value && !chosen ? value : ''],
  );
  const options = [...(found.data?.items ?? [])].map((c) => ({
    id: c.id,
    name: c.displayName,
    detail: `${t(`agreementsArea.creatorKind.${c.kind}`)} · ${t(`enums.creatorStatus.${c.status}`)}`,
  }));
  const current =
    chosen ?? (given.data && given.data.id === value ? { id: value, name: given.data.displayName } : undefined);
  if (current && !options.some((o) => o.id === current.id))
    options.unshift({ id: current.id, name: current.name, detail: '' });
  return (
    <fieldset className="group" id={`${FORM}-counterparty`}>
      <legend>{t('agreementsArea.form.counterparty')}</legend>
      <div className="field-row">
        <Field
          id={`${FORM}-counterparty-search`}
          label={t('agreementsArea.form.counterpartySearch')}
          hint={t('agreementsArea.form.counterpartySearchHint')}
        >
          {(props) => (
            <input
              {...props}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          id={inputIdOf(FORM, 'counterpartyId')}
          label={t('agreementsArea.form.counterpartyChoice')}
          errors={errors}
        >
          {(props) => (
            <select
              {...props}
              value={value}
              onChange={(e) => {
                const option = options.find((o) => o.id === e.target.value);
                setChosen(option && { id: option.id, name: option.name });
                onChange(e.target.value);
              }}
            >
              <option value="">
                {found.state === 'loading'
                  ? t('agreementsArea.form.counterpartyLoading')
                  : t('agreementsArea.form.counterpartyNone', { n: options.length })}
              </option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.detail ? `${o.name} (${o.detail})` : o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {found.state === 'error' && <ProblemAlert problem={found.problem} onRetry={found.reload} />}
    </fieldset>
  );
}
