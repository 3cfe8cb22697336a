import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { requireText, useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { ActionForm, type WriteProps } from './outcome';
import { keyed } from '../../lib/idempotency';
import { useWordedErrors } from './terms-fields';
import { TextArea } from '../../components/text-field';

/** Suspend, resume or terminate, each with a reason. */
export function ReasonAction({
  agreement,
  action,
  onDone,
  onStale,
}: WriteProps & { action: 'suspend' | 'resume' | 'terminate' }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const worded = useWordedErrors();
  const form = useForm({
    initial: { reason: '' },
    validate: requireText('reason', 'reason_required'),
    request: ({ reason }) => {
      const body = { reason: reason.trim() };
      const params = (key: string) => keyed(key, { id: agreement.id });
      return {
        body: { action, ...body },
        send: (key) =>
          action === 'suspend'
            ? settle(api.POST('/v1/agreements/{id}/suspend', { params: params(key), body }))
            : action === 'resume'
              ? settle(api.POST('/v1/agreements/{id}/resume', { params: params(key), body }))
              : settle(api.POST('/v1/agreements/{id}/terminate', { params: params(key), body })),
      };
    },
    onDone: () => onDone(t(`agreementsArea.actions.${action}.done`)),
    onStale,
  });
  const errors = worded(form.errors, form.problem);
  return (
    <ActionForm
      label={t(`agreementsArea.actions.${action}.open`)}
      title={t(`agreementsArea.actions.${action}.title`)}
      form={form}
      placedAll={errors.length > 0}
      submit={t(`agreementsArea.actions.${action}.submit`)}
      danger={action === 'terminate'}
    >
      <TextArea
        id={`${action}-reason`}
        label={t('agreementsArea.actions.reason')}
        errors={errors.filter((e) => e.path === 'reason')}
        rows={2}
        {...form.bind('reason')}
      />
    </ActionForm>
  );
}
