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
import type { TextKey } from '../../i18n';
import { InlineForm } from '../../components/form-actions';
import { TextArea } from '../../components/text-field';

type Send = (body: Record<string, unknown>, key: string) => Promise<Result<CampaignRequestView>>;
type AnswerRoute =
  '/v1/campaign-requests/{id}/accept' | '/v1/campaign-requests/{id}/decline' | '/v1/campaign-requests/{id}/withdraw';

/** An answer given with a note (or, `reason`, a required reason): its words and where it is sent. */
interface NoteAnswer {
  id: string;
  route: AnswerRoute;
  /** Said above the note, for an answer shown open. */
  intro?: TextKey;
  /** The button that opens the answer, for one shown closed. */
  open?: TextKey;
  reason?: boolean;
  submit: TextKey;
  done: TextKey;
}

/** The answers in the order offered; the counter-proposal has a form of its own. */
const ANSWER_ORDER: RequestAction[] = ['accept', 'accept_counter', 'counter', 'decline', 'withdraw'];

const NOTE_ANSWERS: Record<Exclude<RequestAction, 'counter'>, NoteAnswer> = {
  accept: {
    id: 'accept',
    route: '/v1/campaign-requests/{id}/accept',
    intro: 'requests.answer.acceptIntro',
    submit: 'requests.answer.accept',
    done: 'requests.answer.accepted',
  },
  accept_counter: {
    id: 'accept-counter',
    route: '/v1/campaign-requests/{id}/accept',
    intro: 'requests.answer.acceptCounterIntro',
    submit: 'requests.answer.acceptCounter',
    done: 'requests.answer.accepted',
  },
  decline: {
    id: 'decline',
    route: '/v1/campaign-requests/{id}/decline',
    open: 'requests.answer.declineOpen',
    reason: true,
    submit: 'requests.answer.decline',
    done: 'requests.answer.declined',
  },
  withdraw: {
    id: 'withdraw',
    route: '/v1/campaign-requests/{id}/withdraw',
    open: 'requests.answer.withdrawOpen',
    submit: 'requests.answer.withdraw',
    done: 'requests.answer.withdrawn',
  },
};

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
    (to: AnswerRoute): Send =>
    (body, key) =>
      settle(api.POST(to, { params: keyed(key, path), body: body as Schemas['Note'] & Schemas['CampaignReason'] }));
  return (
    <Section id="request-answer-title" title="requests.answer.title">
      {ANSWER_ORDER.filter((action) => actions.includes(action)).map((action) =>
        action === 'counter' ? (
          <CounterForm
            key={action}
            request={request}
            onDone={() => onDone(t('requests.answer.countered'))}
            reload={reload}
          />
        ) : (
          <NoteForm
            key={action}
            answer={NOTE_ANSWERS[action]}
            send={post(NOTE_ANSWERS[action].route)}
            onDone={() => onDone(t(NOTE_ANSWERS[action].done))}
            reload={reload}
          />
        ),
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
  answer,
  send,
  onDone,
  reload,
}: {
  answer: NoteAnswer;
  send: Send;
  onDone: (view: CampaignRequestView) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { id, reason: required = false } = answer;
  const field = required ? 'reason' : 'note';
  const openLabel = answer.open && t(answer.open);
  const intro = answer.intro && t(answer.intro);
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
        label={t(required ? 'requests.answer.reason' : 'requests.answer.note')}
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
          {t(answer.submit)}
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
