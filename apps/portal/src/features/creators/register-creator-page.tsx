import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PLATFORMS } from '@concord/domain';
import { settle } from '../../api/client';
import { existingCreator, placeFieldErrors, type FieldProblem, type Problem } from '../../api/problem';
import {
  buildRequest,
  emptyChannel,
  emptyDraft,
  fieldPathOf,
  formPaths,
  inputIdOf,
  toFormPaths,
  validateRequest,
  type ChannelDraft,
  type FormField,
  type RegisterDraft,
} from './register-form';
import { ErrorSummary } from '../../components/error-summary';
import { ConsentFields, ProfileFields } from './profile-fields';
import { Field, type ControlProps } from '../../components/field';
import { FieldErrors } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { createIdempotencyKeys } from '../../lib/idempotency';
import { useApiClient } from '../../session/session';

/** The API's refusal of the last attempt, its field errors moved onto the form's rows. */
interface Refusal {
  problem: Problem;
  errors: FieldProblem[];
}

/**
 * Registers a creator. Checks what it can before sending (the domain's own
 * contract and rules), then shows every error the API returns next to its
 * field; what was typed stays as it was.
 */
export default function RegisterCreatorPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<RegisterDraft>(emptyDraft);
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const [busy, setBusy] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const idempotencyKey = useMemo(createIdempotencyKeys, []);

  // After a first attempt the form's own checks follow what is typed, so a fixed field clears at once;
  // the API's errors stay until the field they concern is changed.
  const ownErrors = useMemo(() => {
    if (!attempted) return [];
    const { body, channelRows } = buildRequest(draft);
    return toFormPaths(validateRequest(body), channelRows);
  }, [attempted, draft]);
  const shown = ownErrors.length > 0 ? ownErrors : (refusal?.errors ?? []);
  const placed = placeFieldErrors(shown, formPaths(draft));
  const problem = ownErrors.length > 0 ? undefined : refusal?.problem;
  const existing = existingCreator(problem);

  /** Applies a change made at `path`; the API's errors about what was there before go. */
  function edit(path: string, change: (draft: RegisterDraft) => RegisterDraft) {
    setDraft(change);
    setRefusal(
      (current) =>
        current && {
          ...current,
          errors: current.errors.filter((e) => e.path !== path && !e.path.startsWith(`${path}.`)),
        },
    );
  }
  function update<K extends FormField>(key: K, value: RegisterDraft[K]) {
    edit(fieldPathOf(key), (d) => ({ ...d, [key]: value }));
  }
  function updateChannel<K extends keyof ChannelDraft>(row: number, field: K, value: ChannelDraft[K]) {
    edit(`channels.${row}.${field}`, (d) => ({
      ...d,
      channels: d.channels.map((c, i) => (i === row ? { ...c, [field]: value } : c)),
    }));
  }
  function removeChannel(row: number) {
    edit('channels', (d) => ({ ...d, channels: d.channels.filter((_, i) => i !== row) }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const { body, channelRows } = buildRequest(draft);
    if (validateRequest(body).length > 0) {
      setRefusal(undefined);
      focusSummary();
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    const result = await settle(
      api.POST('/v1/creators', { body, params: { header: { 'Idempotency-Key': idempotencyKey(body) } } }),
    );
    setBusy(false);
    if (result.ok) {
      void navigate(`/creators/${result.data.id}`, { state: { registered: true } });
      return;
    }
    setRefusal({ problem: result.problem, errors: toFormPaths(result.problem.errors ?? [], channelRows) });
    focusSummary();
  }

  function focusSummary() {
    requestAnimationFrame(() => summary.current?.focus());
  }

  const errorsAt = (path: string) => placed.byField.get(path) ?? [];
  const control = (path: string) => ({ id: inputIdOf(path), errors: errorsAt(path), problem });

  return (
    <div className="page page-form">
      <p className="breadcrumb">
        <Link to="/creators">{t('nav.creators')}</Link>
      </p>
      <PageHeading title={t('register.title')}>{t('register.title')}</PageHeading>
      <p className="lead">{t('register.intro')}</p>

      <div ref={summary} tabIndex={-1} className="summary-anchor">
        <ErrorSummary title={t('register.summaryTitle')} placed={placed} problem={problem} inputId={inputIdOf}>
          {existing && (
            <p>
              <Link to={`/creators/${existing.id}`}>{t('register.existing', { name: existing.name })}</Link>
            </p>
          )}
        </ErrorSummary>
      </div>

      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <fieldset className="group" id={inputIdOf('kind')}>
          <legend>{t('register.kind.legend')}</legend>
          <FieldErrors id="register-kind-error" errors={errorsAt('kind')} problem={problem} />
          <div className="radios">
            {(['individual', 'management_company'] as const).map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={draft.kind === kind}
                  onChange={() => update('kind', kind)}
                />
                {t(`register.kind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>

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

        <fieldset className="group" id={inputIdOf('channels')}>
          <legend>{t('register.channels.legend')}</legend>
          <FieldErrors id="register-channels-error" errors={errorsAt('channels')} problem={problem} />
          {draft.channels.map((channel, row) => (
            <ChannelRow
              key={channel.key}
              row={row}
              channel={channel}
              removable={draft.channels.length > 1}
              control={control}
              rowErrors={errorsAt(`channels.${row}`)}
              problem={problem}
              existing={
                existing && errorsAt(`channels.${row}.handle`).some((e) => e.code === 'channel_taken')
                  ? existing
                  : undefined
              }
              onChange={(field, value) => updateChannel(row, field, value)}
              onRemove={() => removeChannel(row)}
            />
          ))}
          <button
            type="button"
            className="button-secondary"
            onClick={() => setDraft((d) => ({ ...d, channels: [...d.channels, emptyChannel()] }))}
          >
            {t('register.channels.add')}
          </button>
        </fieldset>

        <ProfileFields draft={draft} inputId={inputIdOf} errorsAt={errorsAt} problem={problem} onChange={update} />

        <fieldset className="group" id={inputIdOf('personalData')}>
          <legend>
            {t('register.personal.legend')} <span className="optional">({t('register.optional')})</span>
          </legend>
          <p className="hint">{t('register.personal.intro')}</p>
          <FieldErrors id="register-personalData-error" errors={errorsAt('personalData')} problem={problem} />
          <Field {...control('personalData.legalName')} label={t('register.personal.legalName')}>
            {(props) => (
              <input
                {...props}
                value={draft.legalName}
                onChange={(e) => update('legalName', e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <div className="field-row">
            <Field
              {...control('personalData.nationalId')}
              label={t('register.personal.nationalId')}
              hint={t('register.personal.nationalIdHint')}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={draft.nationalId}
                  onChange={(e) => update('nationalId', e.target.value)}
                  autoComplete="off"
                />
              )}
            </Field>
            <Field
              {...control('personalData.phone')}
              label={t('register.personal.phone')}
              hint={t('register.personal.phoneHint')}
            >
              {(props) => (
                <input
                  {...props}
                  type="tel"
                  value={draft.phone}
                  onChange={(e) => update('phone', e.target.value)}
                  autoComplete="off"
                />
              )}
            </Field>
          </div>
          <Field {...control('personalData.email')} label={t('register.personal.email')}>
            {(props) => (
              <input
                {...props}
                type="email"
                value={draft.email}
                onChange={(e) => update('email', e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
        </fieldset>

        <ConsentFields
          draft={draft}
          inputId={inputIdOf}
          errorsAt={errorsAt}
          problem={problem}
          onChange={update}
          hint={t('register.consent.intro')}
        />

        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t('register.submitting') : t('register.submit')}
          </button>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {busy ? t('register.submitting') : ''}
        </p>
      </form>
    </div>
  );
}

function ChannelRow({
  row,
  channel,
  removable,
  control,
  rowErrors,
  problem,
  existing,
  onChange,
  onRemove,
}: {
  row: number;
  channel: ChannelDraft;
  removable: boolean;
  control: (path: string) => { id: string; errors: FieldProblem[]; problem?: Problem };
  rowErrors: FieldProblem[];
  problem?: Problem;
  existing?: { id: string; name: string };
  onChange: <K extends keyof ChannelDraft>(field: K, value: ChannelDraft[K]) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = row + 1;
  const path = (field: string) => `channels.${row}.${field}`;
  return (
    <fieldset className="channel-row" id={inputIdOf(`channels.${row}`)}>
      <legend>{t('register.channels.row', { n })}</legend>
      <FieldErrors id={`${inputIdOf(`channels.${row}`)}-error`} errors={rowErrors} problem={problem} />
      <div className="field-row">
        <Field {...control(path('platform'))} label={t('register.channels.platform')}>
          {(props: ControlProps) => (
            <select
              {...props}
              value={channel.platform}
              onChange={(e) => onChange('platform', e.target.value as ChannelDraft['platform'])}
            >
              {PLATFORMS.map((platform) => (
                <option key={platform} value={platform}>
                  {t(`enums.platform.${platform}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field-with-link">
          <Field
            {...control(path('handle'))}
            label={t('register.channels.handle')}
            hint={t('register.channels.handleHint')}
          >
            {(props) => (
              <input
                {...props}
                value={channel.handle}
                onChange={(e) => onChange('handle', e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          {existing && (
            <p className="field-link">
              <Link to={`/creators/${existing.id}`}>{t('register.existing', { name: existing.name })}</Link>
            </p>
          )}
        </div>
        <Field {...control(path('followers'))} label={t('register.channels.followers')}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={channel.followers}
              onChange={(e) => onChange('followers', e.target.value)}
              autoComplete="off"
              size={12}
            />
          )}
        </Field>
      </div>
      <Field {...control(path('url'))} label={t('register.channels.url')} hint={t('register.channels.urlHint')}>
        {(props) => (
          <input
            {...props}
            type="url"
            value={channel.url}
            onChange={(e) => onChange('url', e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <label className="choice">
        <input type="checkbox" checked={channel.verified} onChange={(e) => onChange('verified', e.target.checked)} />
        {t('register.channels.verified')}
      </label>
      {removable && (
        <button type="button" className="button-link-danger" onClick={onRemove}>
          {t('register.channels.remove', { n })}
        </button>
      )}
    </fieldset>
  );
}
