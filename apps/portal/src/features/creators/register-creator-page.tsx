import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { settle } from '../../api/client';
import { existingCreator, placeFieldErrors } from '../../api/problem';
import { ErrorSummary } from '../../components/error-summary';
import { FormPage } from '../../components/form-page';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { ConsentFields, ProfileFields } from './profile-fields';
import { RegisterChannels } from './register-channels';
import {
  buildRequest,
  emptyDraft,
  fieldPathOf,
  formPaths,
  inputIdOf,
  toFormPaths,
  validateRequest,
  type RegisterDraft,
} from './register-form';
import { RegisterPersonalData } from './register-personal-data';
import { FormActions } from '../../components/form-actions';
import { Radios } from '../../components/radios';
import { TextField } from '../../components/text-field';
import { FieldGroup } from '../../components/field';

/**
 * Registers a creator. Checks what it can before sending (the domain's own
 * contract and rules), then shows every error the API returns next to its
 * field; what was typed stays as it was.
 */
export default function RegisterCreatorPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const navigate = useNavigate();
  const form = useForm({
    initial: emptyDraft,
    // After a first attempt the form's own checks follow what is typed, so a fixed field clears at once;
    // the API's errors stay until the field they concern is changed.
    validate: (draft: RegisterDraft) => {
      const { body, channelRows } = buildRequest(draft);
      return toFormPaths(validateRequest(body), channelRows);
    },
    request: (draft) => {
      const { body, channelRows } = buildRequest(draft);
      return {
        body,
        send: (key) => settle(api.POST('/v1/creators', { body, params: { header: { 'Idempotency-Key': key } } })),
        toForm: (errors) => toFormPaths(errors, channelRows),
      };
    },
    pathOf: (field) => (field === 'channels' ? field : fieldPathOf(field)),
    onDone: (created) => void navigate(`/creators/${created.id}`, { state: { registered: true } }),
  });
  const { values: draft, problem, busy } = form;
  const placed = placeFieldErrors(form.errors, formPaths(draft));
  const existing = existingCreator(problem);
  const errorsAt = (path: string) => placed.byField.get(path) ?? [];

  return (
    <FormPage
      back={{ to: '/creators', label: t('nav.creators') }}
      title={t('register.title')}
      intro={t('register.intro')}
      summary={
        <ErrorSummary title={t('register.summaryTitle')} placed={placed} problem={problem} inputId={inputIdOf}>
          {existing && (
            <p>
              <Link to={`/creators/${existing.id}`}>{t('register.existing', { name: existing.name })}</Link>
            </p>
          )}
        </ErrorSummary>
      }
      form={form}
    >
      <FieldGroup id={inputIdOf('kind')} legend={t('register.kind.legend')} errors={errorsAt('kind')} problem={problem}>
        <Radios
          name="kind"
          values={['individual', 'management_company'] as const}
          text={(kind) => t(`register.kind.${kind}`)}
          {...form.choose('kind')}
        />
      </FieldGroup>

      <TextField
        id={inputIdOf('displayName')}
        errors={errorsAt('displayName')}
        problem={problem}
        label={t('register.displayName')}
        hint={t('register.displayNameHint')}
        {...form.bind('displayName')}
      />

      <RegisterChannels form={form} errorsAt={errorsAt} existing={existing} />
      <ProfileFields draft={draft} inputId={inputIdOf} errorsAt={errorsAt} problem={problem} onChange={form.set} />
      <RegisterPersonalData form={form} errorsAt={errorsAt} />
      <ConsentFields
        draft={draft}
        inputId={inputIdOf}
        errorsAt={errorsAt}
        problem={problem}
        onChange={form.set}
        hint={t('register.consent.intro')}
      />

      <FormActions busy={busy} submit={t('register.submit')} submitting={t('register.submitting')} />
    </FormPage>
  );
}
