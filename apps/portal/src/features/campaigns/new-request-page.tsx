import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { settle } from '../../api/client';
import { ErrorSummary } from '../../components/error-summary';
import { FormPage } from '../../components/form-page';
import { useForm } from '../../lib/use-form';
import { useApiClient, useSession } from '../../session/session';
import { useAreaErrors } from './area-errors';
import { RequestFields, REQUEST_FORM } from './request-fields';
import {
  REQUEST_FIELD_PATHS,
  REQUEST_FORM_PATHS,
  buildRequest,
  emptyRequestDraft,
  inputIdOf,
  validateRequest,
} from './request-form';
import { FormActions } from '../../components/form-actions';

/**
 * A partner agency's liaison asks the lead agency for a joint campaign.
 * Checks what it can before sending, then shows every error the API returns
 * next to its field; what was typed stays.
 */
export default function NewRequestPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const navigate = useNavigate();
  const form = useForm({
    initial: emptyRequestDraft,
    validate: (draft) => validateRequest(buildRequest(draft)),
    request: (draft) => {
      const body = buildRequest(draft);
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/campaign-requests', { body, params: { header: { 'Idempotency-Key': key } } })),
      };
    },
    pathOf: (field) => REQUEST_FIELD_PATHS[field],
    onDone: (sent) => void navigate(`/requests/${sent.id}`, { state: { sent: true } }),
  });
  const { placed, at } = useAreaErrors(form.errors, REQUEST_FORM_PATHS);
  const { problem, busy } = form;

  return (
    <FormPage
      back={{ to: '/requests', label: t('requests.title') }}
      title={t('requests.form.title')}
      intro={t('requests.form.intro')}
      forbidden={
        !session.can('create', 'CampaignRequest') && <p className="alert alert-info">{t('requests.form.forbidden')}</p>
      }
      summary={
        <ErrorSummary
          title={t('requests.form.summaryTitle')}
          titleId="request-summary-title"
          placed={placed}
          problem={problem}
          inputId={(path) => inputIdOf(REQUEST_FORM, path)}
        />
      }
      form={form}
    >
      <RequestFields form={form} errorsAt={at} problem={problem} />
      <FormActions busy={busy} submit={t('requests.form.submit')} submitting={t('requests.form.submitting')} />
    </FormPage>
  );
}
