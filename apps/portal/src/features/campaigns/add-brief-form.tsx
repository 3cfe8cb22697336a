import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle, type Schemas } from '../../api/client';
import { FormProblem } from '../../components/messages';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { useAreaErrors } from './area-errors';
import { BRIEF_FIELD_PATHS, BRIEF_FORM_PATHS, buildBrief, emptyBriefDraft, validateBrief } from './brief-form';
import { BriefFields } from './brief-fields';
import { FormActions, InlineForm } from '../../components/form-actions';
import { keyed } from '../../lib/idempotency';

type Campaign = Schemas['CampaignView'];
type Brief = Schemas['BriefView'];

/** "Add a brief": what to make, where, in which languages, by when, how many per creator and the fee. */
export function AddBrief({ campaign, onAdded }: { campaign: Campaign; onAdded: (brief: Brief) => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [open, setOpen] = useState(false);
  const form = useForm({
    initial: () => emptyBriefDraft(campaign),
    validate: (draft) => validateBrief(buildBrief(draft)),
    request: (draft) => {
      const body = buildBrief(draft);
      return {
        body,
        send: (key) => settle(api.POST('/v1/campaigns/{id}/briefs', { params: keyed(key, { id: campaign.id }), body })),
      };
    },
    pathOf: (field) => BRIEF_FIELD_PATHS[field],
    onDone: (brief) => {
      setOpen(false);
      onAdded(brief);
    },
  });
  const { shown, at } = useAreaErrors(form.errors, BRIEF_FORM_PATHS);

  if (!open) {
    return (
      <p>
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {t('campaignsArea.briefs.addOpen')}
        </button>
      </p>
    );
  }
  return (
    <InlineForm form={form} titleId="add-brief-title" title={t('campaignsArea.briefs.addTitle')}>
      <FormProblem problem={form.problem} placedAll={shown.length > 0} />
      {shown.length > 0 && (
        <p className="field-error" role="alert">
          {t('campaignsArea.briefs.fix')}
        </p>
      )}
      <BriefFields form={form} at={at} problem={form.problem} />
      <FormActions
        busy={form.busy}
        submit={t('campaignsArea.briefs.add')}
        cancel={{ label: t('campaignsArea.briefs.cancel'), onClick: () => setOpen(false) }}
      />
    </InlineForm>
  );
}
