import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle, type Result, type Schemas } from '../../api/client';
import { fieldProblem, placeFieldErrors, type Problem } from '../../api/problem';
import { FormProblem, ProblemAlert } from '../../components/messages';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { keyed } from '../../lib/idempotency';
import { CounterForm } from './counter-form';
import type { CampaignRequestView, RequestAction } from './request-form';
import { Section } from '../../components/section';
import { InlineForm } from '../../components/form-actions';
import { TextArea } from '../../components/text-field';

type Send = (body: Record<string, unknown>, key: string) => Promise<Result<CampaignRequestView>>;

/** The answers open to the user, each a small form. */
export function RequestAnswers({
  request,
  actions,
  onDone,
  reload,
}: {
  request: CampaignRequestView;
  actions: RequestAction[];
  onDone: (notice: string) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const path = { id: request.id };
  const post =
    (
      to:
        | '/v1/campaign-requests/{id}/accept'
        | '/v1/campaign-requests/{id}/decline'
        | '/v1/campaign-requests/{id}/withdraw',
    ): Send =>
    (body, key) =>
      settle(api.POST(to, { params: keyed(key, path), body: body as Schemas['Note'] & Schemas['CampaignReason'] }));
  return (
    <Section id="request-answer-title" title="requests.answer.title">
      {actions.includes('accept') && (
        <NoteForm
          id="accept"
          intro={t('requests.answer.acceptIntro')}
          label={t('requests.answer.note')}
          submit={t('requests.answer.accept')}
          send={post('/v1/campaign-requests/{id}/accept')}
          onDone={() => onDone(t('requests.answer.accepted'))}
          reload={reload}
        />
      )}
      {actions.includes('accept_counter') && (
        <NoteForm
          id="accept-counter"
          intro={t('requests.answer.acceptCounterIntro')}
          label={t('requests.answer.note')}
          submit={t('requests.answer.acceptCounter')}
          send={post('/v1/campaign-requests/{id}/accept')}
          onDone={() => onDone(t('requests.answer.accepted'))}
          reload={reload}
        />
      )}
      {actions.includes('counter') && (
        <CounterForm request={request} onDone={() => onDone(t('requests.answer.countered'))} reload={reload} />
      )}
      {actions.includes('decline') && (
        <NoteForm
          id="decline"
          open={t('requests.answer.declineOpen')}
          label={t('requests.answer.reason')}
          required
          field="reason"
          submit={t('requests.answer.decline')}
          send={post('/v1/campaign-requests/{id}/decline')}
          onDone={() => onDone(t('requests.answer.declined'))}
          reload={reload}
        />
      )}
      {actions.includes('withdraw') && (
        <NoteForm
          id="withdraw"
          open={t('requests.answer.withdrawOpen')}
          label={t('requests.answer.note')}
          submit={t('requests.answer.withdraw')}
          send={post('/v1/campaign-requests/{id}/withdraw')}
          onDone={() => onDone(t('requests.answer.withdrawn'))}
          reload={reload}
        />
      )}
    </Section>
  );
}

/** A refused answer: a stale request (someone answered meanwhile) is explained, and was read again. */
export function AnswerRefusal({
  form,
  placedAll,
}: {
  form: { problem?: Problem; stale: boolean };
  placedAll: boolean;
}) {
  const { t } = useTranslation();
  if (form.problem && form.stale) {
    return (
      <>
        <ProblemAlert problem={form.problem} />
        <p className="hint">{t('requests.answer.reloaded')}</p>
      </>
    );
  }
  return <FormProblem problem={form.problem} placedAll={placedAll} />;
}

/** Accept, decline or withdraw: a note (or a required reason) and a button; some open behind a first button. */
function NoteForm({
  id,
  intro,
  open: openLabel,
  label,
  required,
  field = 'note',
  submit,
  send,
  onDone,
  reload,
}: {
  id: string;
  intro?: string;
  open?: string;
  label: string;
  required?: boolean;
  field?: 'note' | 'reason';
  submit: string;
  send: Send;
  onDone: (view: CampaignRequestView) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(!openLabel);
  const form = useForm({
    initial: { text: '' },
    validate: ({ text }) => (required && !text.trim() ? [fieldProblem(field, 'reason_required')] : []),
    request: ({ text }) => {
      const body = text.trim() ? { [field]: text.trim() } : {};
      return { body, send: (key) => send(body, key) };
    },
    pathOf: () => field,
    onDone,
    onStale: reload,
  });
  const placed = placeFieldErrors(form.errors, [field]);

  if (!open) {
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {openLabel}
        </button>
      </p>
    );
  }
  return (
    <InlineForm form={form}>
      {intro && <p className="hint">{intro}</p>}
      <AnswerRefusal form={form} placedAll={placed.unplaced.length === 0} />
      <TextArea
        id={`request-${id}-${field}`}
        label={label}
        optional={required ? undefined : t('register.optional')}
        errors={placed.byField.get(field)}
        problem={form.problem}
        rows={2}
        {...form.bind('text')}
        autoFocus={Boolean(openLabel)}
      />
      <div className="actions">
        <button
          type="submit"
          className={id === 'decline' || id === 'withdraw' ? 'button-secondary' : 'button-primary'}
          disabled={form.busy}
        >
          {submit}
        </button>
        {openLabel && (
          <button type="button" className="button-link-plain" onClick={() => setOpen(false)}>
            {t('requests.answer.cancel')}
          </button>
        )}
      </div>
    </InlineForm>
  );
}
