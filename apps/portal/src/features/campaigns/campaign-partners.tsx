import { useTranslation } from 'react-i18next';
import { AGENCIES } from '@concord/domain';
import { settle } from '../../api/client';
import { placeFieldErrors } from '../../api/problem';
import { EnumField } from '../../components/enum-field';
import { FormProblem } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { Section } from '../../components/section';
import { InlineForm } from '../../components/form-actions';
import type { CampaignWriteProps } from './campaign-write';
import { keyed } from '../../lib/idempotency';

/** The partner agencies; the owner adds one of the agencies not in the campaign yet. */
export function CampaignPartners({ campaign, canManage, onDone, reload }: CampaignWriteProps & { canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const candidates = AGENCIES.map((a) => a.id).filter(
    (id) => id !== campaign.ownerAgencyId && !campaign.partnerAgencyIds.includes(id),
  );
  // The agency chosen, or the first still to choose once it has been added meanwhile.
  const chosenOf = (agencyId: string) => (candidates.includes(agencyId) ? agencyId : (candidates[0] ?? ''));
  const form = useForm({
    initial: { agencyId: '' },
    request: ({ agencyId }) => {
      const body = { agencyId: chosenOf(agencyId) };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/campaigns/{id}/partners', { params: keyed(key, { id: campaign.id }), body })),
      };
    },
    onDone: (_, { agencyId }) =>
      onDone(t('campaignsArea.partners.added', { agency: format.agency(chosenOf(agencyId)) })),
    onStale: reload,
  });
  const placed = placeFieldErrors(form.errors, ['agencyId']);

  return (
    <Section id="campaign-partners-title" title="campaignsArea.partners.title">
      {campaign.partnerAgencyIds.length ? (
        <ul>
          {campaign.partnerAgencyIds.map((p) => (
            <li key={p}>{format.agency(p)}</li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('campaignsArea.partners.none')}</p>
      )}
      {canManage && candidates.length > 0 && (
        <InlineForm form={form}>
          <FormProblem problem={form.problem} placedAll={placed.unplaced.length === 0} />
          <EnumField
            id="campaign-partner"
            label={t('campaignsArea.partners.agency')}
            errors={placed.byField.get('agencyId')}
            problem={form.problem}

            values={candidates}
            text={format.agency}
            value={chosenOf(form.values.agencyId)}
            onChange={(agencyId) => form.set('agencyId', agencyId)}
          />
          <button type="submit" className="button-secondary" disabled={form.busy}>
            {t('campaignsArea.partners.add')}
          </button>
        </InlineForm>
      )}
    </Section>
  );
}
