import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AGENCIES } from '@concord/domain';
import { settle } from '../api/client';
import { placeFieldErrors, type FieldProblem, type Problem } from '../api/problem';
import { apiFieldErrors, wordAreaCodes, withoutPath } from '../campaigns/form-helpers';
import {
  REQUEST_FIELD_PATHS,
  REQUEST_FORM_PATHS,
  buildRequest,
  emptyRequestDraft,
  inputIdOf,
  validateRequest,
  type RequestDraft,
} from '../campaigns/request-form';
import { ErrorSummary } from '../components/error-summary';
import { Field } from '../components/field';
import { FieldErrors } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { createIdempotencyKeys } from '../lib/idempotency';
import { useApiClient, useSession } from '../session/session';

interface Refusal {
  problem: Problem;
  errors: FieldProblem[];
}

const FORM = 'request';
const LEAD_AGENCIES = AGENCIES.filter((a) => a.kind === 'lead');

/**
 * A partner agency's liaison asks the lead agency for a joint campaign.
 * Checks what it can before sending, then shows every error the API returns
 * next to its field; what was typed stays.
 */
export default function NewRequestPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RequestDraft>(emptyRequestDraft);
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const idempotencyKey = useMemo(createIdempotencyKeys, []);

  const ownErrors = useMemo(() => (attempted ? validateRequest(buildRequest(draft)) : []), [attempted, draft]);
  const shown = wordAreaCodes(ownErrors.length > 0 ? ownErrors : (refusal?.errors ?? []), (code) =>
    t(`campaignsArea.fieldError.${code}`),
  );
  const problem = ownErrors.length > 0 ? undefined : refusal?.problem;
  const placed = placeFieldErrors(shown, REQUEST_FORM_PATHS);
  const errorsAt = (path: string) => placed.byField.get(path) ?? [];

  if (!session.can('create', 'CampaignRequest')) {
    return (
      <div className="page page-form">
        <PageHeading title={t('requests.form.title')}>{t('requests.form.title')}</PageHeading>
        <p className="alert alert-info">{t('requests.form.forbidden')}</p>
      </div>
    );
  }

  function update<K extends keyof RequestDraft>(key: K, value: RequestDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    const path = REQUEST_FIELD_PATHS[key];
    setRefusal((current) => current && { ...current, errors: withoutPath(current.errors, path) });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const body = buildRequest(draft);
    if (validateRequest(body).length > 0) {
      setRefusal(undefined);
      focusSummary();
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    const result = await settle(
      api.POST('/v1/campaign-requests', { body, params: { header: { 'Idempotency-Key': idempotencyKey(body) } } }),
    );
    setBusy(false);
    if (result.ok) {
      void navigate(`/requests/${result.data.id}`, { state: { sent: true } });
      return;
    }
    setRefusal({ problem: result.problem, errors: apiFieldErrors(result.problem) });
    focusSummary();
  }

  function focusSummary() {
    requestAnimationFrame(() => summary.current?.focus());
  }

  const control = (key: keyof RequestDraft) => {
    const path = REQUEST_FIELD_PATHS[key];
    return { id: inputIdOf(FORM, path), errors: errorsAt(path), problem };
  };

  return (
    <div className="page page-form">
      <p className="breadcrumb">
        <Link to="/requests">{t('requests.title')}</Link>
      </p>
      <PageHeading title={t('requests.form.title')}>{t('requests.form.title')}</PageHeading>
      <p className="lead">{t('requests.form.intro')}</p>

      <div ref={summary} tabIndex={-1} className="summary-anchor">
        <ErrorSummary
          title={t('requests.form.summaryTitle')}
          titleId="request-summary-title"
          placed={placed}
          problem={problem}
          inputId={(path) => inputIdOf(FORM, path)}
        />
      </div>

      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <Field {...control('toAgencyId')} label={t('requests.form.toAgency')}>
          {(props) => (
            <select {...props} value={draft.toAgencyId} onChange={(e) => update('toAgencyId', e.target.value)}>
              {LEAD_AGENCIES.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {format.agency(agency.id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field {...control('title')} label={t('requests.form.titleLabel')} hint={t('requests.form.titleHint')}>
          {(props) => (
            <input
              {...props}
              value={draft.title}
              onChange={(e) => update('title', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field {...control('objective')} label={t('requests.form.objective')} hint={t('requests.form.objectiveHint')}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={draft.objective}
              onChange={(e) => update('objective', e.target.value)}
            />
          )}
        </Field>
        <Field
          {...control('keyMessages')}
          label={t('requests.form.keyMessages')}
          hint={t('requests.form.keyMessagesHint')}
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
        <fieldset className="group" id={inputIdOf(FORM, 'proposedPeriod')}>
          <legend>{t('requests.form.period')}</legend>
          <FieldErrors
            id={`${inputIdOf(FORM, 'proposedPeriod')}-error`}
            errors={errorsAt('proposedPeriod')}
            problem={problem}
          />
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
        </fieldset>
        <Field
          {...control('expectedDeliverables')}
          label={t('requests.form.deliverables')}
          hint={t('requests.form.deliverablesHint')}
        >
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={draft.expectedDeliverables}
              onChange={(e) => update('expectedDeliverables', e.target.value)}
            />
          )}
        </Field>
        <Field
          {...control('responseDeadline')}
          label={t('requests.form.deadline')}
          hint={t('requests.form.deadlineHint')}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={draft.responseDeadline}
              onChange={(e) => update('responseDeadline', e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('requests.form.submitting') : t('requests.form.submit')}
          </button>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {busy ? t('requests.form.submitting') : ''}
        </p>
      </form>
    </div>
  );
}
