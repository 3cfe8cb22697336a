import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { settle } from '../../api/client';
import { fieldProblem } from '../../api/problem';
import { FormProblem } from '../../components/messages';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import type { FanOutResult, FanOutView } from './fan-out';
import { InlineForm } from '../../components/form-actions';
import { keyed } from '../../lib/idempotency';
import { TextArea } from '../../components/text-field';

/** A skip for capacity or a calendar conflict, offered anyway with a reason: a new fan-out for this creator. */
export function OfferAnyway({ view, result }: { view: FanOutView; result: FanOutResult }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const form = useForm({
    initial: { reason: '' },
    validate: ({ reason }) => (reason.trim().length < 3 ? [fieldProblem('reason', 'reason_required')] : []),
    request: ({ reason }) => {
      const body = {
        creatorIds: [result.creatorId],
        overrides: [{ creatorId: result.creatorId, reason: reason.trim() }],
      };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/briefs/{id}/assignments', { params: keyed(key, { id: view.briefId }), body })),
        // The reason is the override's: its errors are the field's.
        toForm: (errors) => errors.filter((e) => e.path.startsWith('overrides')).map((e) => ({ ...e, path: 'reason' })),
      };
    },
    onDone: (started) => void navigate(`/fan-outs/${started.id}`, { state: { view: started } }),
  });
  const name = result.displayName ?? t('fanOut.outcomes.unknownCreator');
  const fieldErrors = form.errors;

  if (!open) {
    return (
      <>
        {' '}
        <button
          type="button"
          className="button-link-plain"
          onClick={() => setOpen(true)}
          aria-label={t('fanOut.override.openNamed', { name })}
        >
          {t('fanOut.override.open')}
        </button>
      </>
    );
  }
  const fieldId = `offer-anyway-${result.creatorId}`;
  return (
    <InlineForm form={form}>
      <FormProblem problem={form.problem} placedAll={fieldErrors.length > 0} />
      <TextArea
        id={fieldId}
        label={t('fanOut.override.reason', { name })}
        errors={fieldErrors}
        problem={form.problem}
        rows={2}
        autoFocus
        {...form.bind('reason')}
      />
      <button type="submit" className="button-secondary" disabled={form.busy}>
        {t('fanOut.override.submit')}
      </button>
    </InlineForm>
  );
}
