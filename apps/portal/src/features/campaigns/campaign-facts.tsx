import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';

type Campaign = Schemas['CampaignView'];

/** The campaign's facts (status, owner, period, platforms, targets, budget) and what its content must carry. */
export function CampaignFacts({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('campaignsArea.page.status')}</dt>
          <dd>
            <span className={`badge badge-${campaign.status}`}>{t(`campaignsArea.status.${campaign.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.owner')}</dt>
          <dd>{format.agency(campaign.ownerAgencyId)}</dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.period')}</dt>
          <dd>
            {t('requests.period', { start: format.date(campaign.period.start), end: format.date(campaign.period.end) })}
          </dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.platforms')}</dt>
          <dd>{campaign.platforms.map((p) => t(`enums.platform.${p}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.targetViews')}</dt>
          <dd>
            {campaign.targets.views !== undefined
              ? format.number(campaign.targets.views)
              : t('campaignsArea.page.noTarget')}
          </dd>
        </div>
        <div>
          <dt>{t('campaignsArea.page.targetPublications')}</dt>
          <dd>
            {campaign.targets.publications !== undefined
              ? format.number(campaign.targets.publications)
              : t('campaignsArea.page.noTarget')}
          </dd>
        </div>
        {campaign.budget !== undefined && (
          <div>
            <dt>{t('campaignsArea.page.budget')}</dt>
            <dd>{format.money(campaign.budget)}</dd>
          </div>
        )}
      </dl>

      <section className="section" aria-labelledby="campaign-content-title">
        <h2 id="campaign-content-title">{t('campaignsArea.page.mustCarry')}</h2>
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
      </section>
    </>
  );
}
