import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { Facts } from '../../components/facts';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../components/status-badge';

type Campaign = Schemas['CampaignView'];

/** The campaign's facts (status, owner, period, platforms, targets, budget) and what its content must carry. */
export function CampaignFacts({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useFormat();
  const target = (n: number | undefined) => (n !== undefined ? format.number(n) : t('campaignsArea.page.noTarget'));
  return (
    <>
      <Facts
        facts={[
          {
            label: 'campaignsArea.page.status',
            value: <StatusBadge of={campaign.status}>{t(`campaignsArea.status.${campaign.status}`)}</StatusBadge>,
          },
          { label: 'campaignsArea.page.owner', value: format.agency(campaign.ownerAgencyId) },
          {
            label: 'campaignsArea.page.period',
            value: t('requests.period', {
              start: format.date(campaign.period.start),
              end: format.date(campaign.period.end),
            }),
          },
          {
            label: 'campaignsArea.page.platforms',
            value: campaign.platforms.map((p) => t(`enums.platform.${p}`)).join(', '),
          },
          { label: 'campaignsArea.page.targetViews', value: target(campaign.targets.views) },
          { label: 'campaignsArea.page.targetPublications', value: target(campaign.targets.publications) },
          campaign.budget !== undefined && { label: 'campaignsArea.page.budget', value: format.money(campaign.budget) },
        ]}
      />

      <Section id="campaign-content-title" title="campaignsArea.page.mustCarry">
        <h3>{t('campaignsArea.page.objective')}</h3>
        <p>{campaign.objective}</p>
        <h3>{t('campaignsArea.page.keyMessages')}</h3>
        <ul>
          {campaign.keyMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        <h3>{t('campaignsArea.page.hashtags')}</h3>
        {campaign.requiredHashtags.length ? (
          <ul className="label-list">
            {campaign.requiredHashtags.map((h) => (
              <li key={h} className="label-chip">
                {h}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('campaignsArea.page.noHashtags')}</p>
        )}
        <h3>{t('campaignsArea.page.disclosure')}</h3>
        <p>{t('campaignsArea.page.disclosureText')}</p>
      </Section>
    </>
  );
}
