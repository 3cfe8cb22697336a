import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { LoadState } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { AddBrief } from './add-brief-form';
import { Section } from '../../components/section';
import { Facts } from '../../components/facts';

type Campaign = Schemas['CampaignView'];
type Brief = Schemas['BriefView'];

/** The campaign's briefs, each with "Offer to creators" once the campaign is active; the owner adds briefs. */
export function CampaignBriefs({
  campaign,
  canAdd,
  canFanOut,
}: {
  campaign: Campaign;
  canAdd: boolean;
  canFanOut: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}/briefs', { params: { path: { id: campaign.id } }, signal })),
    [api, campaign.id],
  );
  const [added, setAdded] = useState('');
  const briefs = loaded.data?.items ?? [];
  const offerable = canFanOut && campaign.status === 'active';
  return (
    <Section id="campaign-briefs-title" title="campaignsArea.briefs.title" busy={loaded.state === 'loading'}>
      <p role="status" aria-live="polite" className={added ? 'alert alert-success' : 'visually-hidden'}>
        {added}
      </p>
      <LoadState loaded={loaded} />
      {loaded.state === 'ok' && briefs.length === 0 && <p className="empty">{t('campaignsArea.briefs.empty')}</p>}
      {canFanOut && campaign.status === 'planning' && briefs.length > 0 && (
        <p className="hint">{t('campaignsArea.briefs.activateFirst')}</p>
      )}
      {briefs.length > 0 && (
        <ul className="card-list">
          {briefs.map((brief: Brief) => (
            <li key={brief.id} className="card">
              <div className="card-head">
                <h3>{brief.title}</h3>
                <span className="tag tag-muted">{t(`enums.contentKind.${brief.kind}`)}</span>
              </div>
              <Facts
                className="facts facts-compact"
                facts={[
                  { label: 'campaignsArea.briefs.due', value: format.dateTime(brief.dueAt) },
                  {
                    label: 'campaignsArea.briefs.platforms',
                    value: brief.platforms.map((p) => t(`enums.platform.${p}`)).join(', '),
                  },
                  { label: 'campaignsArea.briefs.languages', value: format.languages(brief.languages) },
                  { label: 'campaignsArea.briefs.quantity', value: format.number(brief.quantity) },
                  brief.feePerDeliverable !== undefined && {
                    label: 'campaignsArea.briefs.fee',
                    value: format.money(brief.feePerDeliverable),
                  },
                ]}
              />
              <ul className="must-carry">
                {brief.keyMessages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              {offerable && (
                <p>
                  <Link
                    to={`/campaigns/${campaign.id}/briefs/${brief.id}/fan-out`}
                    className="button-link button-primary"
                    aria-label={t('campaignsArea.briefs.offerNamed', { title: brief.title })}
                  >
                    {t('campaignsArea.briefs.offer')}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <AddBrief
          campaign={campaign}
          onAdded={(brief) => {
            setAdded(t('campaignsArea.briefs.added', { title: brief.title }));
            loaded.reload();
          }}
        />
      )}
    </Section>
  );
}
