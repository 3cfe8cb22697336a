import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { placeFieldErrors } from '../../api/problem';
import { FormProblem } from '../../components/messages';
import { requireText, useForm } from '../../lib/use-form';
import { useMutation } from '../../lib/use-mutation';
import { useApiClient } from '../../session/session';
import { keyed } from '../../lib/idempotency';
import { Section } from '../../components/section';
import { FormActions } from '../../components/form-actions';
import type { CampaignWriteProps } from './campaign-write';
import { TextArea } from '../../components/text-field';

type Ending = 'close' | 'cancel';

/** Activates a campaign in planning; closes or cancels an open one, with a reason. A stale campaign is read again. */
export function CampaignLifecycle({ campaign, onDone, reload }: CampaignWriteProps) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [ending, setEnding] = useState<Ending | undefined>();
  const path = { id: campaign.id };
  const activation = useMutation({ onStale: reload });
  const end = useForm({
    initial: { reason: '' },
    validate: requireText('reason', 'reason_required'),
    request: ({ reason }) => {
      const body = { reason: reason.trim() };
      const to = ending === 'close' ? '/v1/campaigns/{id}/close' : '/v1/campaigns/{id}/cancel';
      return {
        body: { ending, ...body },
        send: (key) => settle(api.POST(to, { params: keyed(key, path), body })),
      };
    },
    onDone: () => {
      setEnding(undefined);
      onDone(t(ending === 'close' ? 'campaignsArea.lifecycle.closed' : 'campaignsArea.lifecycle.cancelled'));
    },
    onStale: reload,
  });
  const placed = placeFieldErrors(end.errors, ['reason']);
  const busy = activation.busy || end.busy;

  async function activate() {
    const result = await activation.run({ activate: campaign.id }, (key) =>
      settle(api.POST('/v1/campaigns/{id}/activate', { params: keyed(key, path) })),
    );
    if (result.ok) onDone(t('campaignsArea.lifecycle.activated'));
  }

  return (
    <Section id="campaign-lifecycle-title" title="campaignsArea.lifecycle.title">
      <FormProblem problem={activation.problem ?? end.problem} placedAll={placed.unplaced.length === 0} />
      {campaign.status === 'planning' && <p className="hint">{t('campaignsArea.lifecycle.planningHint')}</p>}
      {!ending && (
        <div className="actions">
          {campaign.status === 'planning' && (
            <button type="button" className="button-primary" disabled={busy} onClick={() => void activate()}>
              {t('campaignsArea.lifecycle.activate')}
            </button>
          )}
          {campaign.status === 'active' && (
            <button type="button" className="button-secondary" onClick={() => setEnding('close')}>
              {t('campaignsArea.lifecycle.closeOpen')}
            </button>
          )}
          <button type="button" className="button-link-danger" onClick={() => setEnding('cancel')}>
            {t('campaignsArea.lifecycle.cancelOpen')}
          </button>
        </div>
      )}
      {ending && (
        <form className="inline-form" onSubmit={(e) => void end.submit(e)} noValidate aria-busy={busy}>
          <p className="hint">
            {t(ending === 'close' ? 'campaignsArea.lifecycle.closeIntro' : 'campaignsArea.lifecycle.cancelIntro')}
          </p>
          <TextArea
            id="campaign-end-reason"
            label={t('campaignsArea.lifecycle.reason')}
            errors={placed.byField.get('reason')}
            problem={end.problem}
            rows={2}
            autoFocus
            {...end.bind('reason')}
          />
          <FormActions
            busy={busy}
            submit={t(ending === 'close' ? 'campaignsArea.lifecycle.close' : 'campaignsArea.lifecycle.cancel')}
            cancel={{ label: t('campaignsArea.lifecycle.keep'), onClick: () => setEnding(undefined) }}
          />
        </form>
      )}
    </Section>
  );
}
