import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { FieldErrors } from '../../components/messages';
import { useForm, type TextField as TextOf } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { useAreaErrors } from './area-errors';
import { AnswerRefusal } from './request-answers';
import { PeriodFields } from './request-fields';
import {
  COUNTER_FIELD_PATHS,
  COUNTER_FORM_PATHS,
  buildCounter,
  counterDraftFrom,
  inputIdOf,
  validateCounter,
  type CampaignRequestView,
  type CounterDraft,
} from './request-form';
import { FormActions, InlineForm } from '../../components/form-actions';
import { keyed } from '../../lib/idempotency';
import { TextArea } from '../../components/text-field';

const COUNTER_FORM = 'counter';

/** The lead agency proposes another period, other key messages, with a message. */
export function CounterForm({
  request,
  onDone,
  reload,
}: {
  request: CampaignRequestView;
  onDone: () => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const form = useForm({
    initial: () => counterDraftFrom(request),
    validate: (draft) => validateCounter(buildCounter(draft, request)),
    request: (draft) => {
      const body = buildCounter(draft, request);
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/campaign-requests/{id}/counter', { params: keyed(key, { id: request.id }), body })),
      };
    },
    pathOf: (field) => COUNTER_FIELD_PATHS[field],
    onDone,
    onStale: reload,
  });
  const { at } = useAreaErrors(form.errors, COUNTER_FORM_PATHS);

  if (!open) {
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {t('requests.answer.counterOpen')}
        </button>
      </p>
    );
  }
  const control = (key: keyof CounterDraft) => ({
    id: inputIdOf(COUNTER_FORM, COUNTER_FIELD_PATHS[key]),
    errors: at(COUNTER_FIELD_PATHS[key]),
    problem: form.problem,
  });
  /** A text field of the form: where it is, what the API said of it, its value. */
  const text = (key: TextOf<CounterDraft>) => ({ ...control(key), ...form.bind(key) });
  return (
    <InlineForm form={form} title={t('requests.answer.counterTitle')}>
      <p className="hint">{t('requests.answer.counterIntro')}</p>
      <AnswerRefusal form={form} placedAll />
      <FieldErrors id="counter-period-error" errors={at('proposedPeriod')} problem={form.problem} />
      <PeriodFields form={form} control={control} />
      <TextArea
        {...text('keyMessages')}
        label={t('requests.form.keyMessages')}
        hint={t('requests.answer.counterKeyMessagesHint')}
        rows={3}
      />
      <TextArea {...text('message')} label={t('requests.answer.counterMessage')} rows={2} />
      <FormActions
        busy={form.busy}
        submit={t('requests.answer.counter')}
        cancel={{ label: t('requests.answer.cancel'), onClick: () => setOpen(false) }}
      />
    </InlineForm>
  );
}
