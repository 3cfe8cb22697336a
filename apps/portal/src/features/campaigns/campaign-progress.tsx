import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSIGNMENT_STATUSES } from '@concord/domain';
import { settle, type Schemas } from '../../api/client';
import { LoadState } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { Section } from '../../components/section';

type Campaign = Schemas['CampaignView'];

/** How the campaign's assignments stand, by state. */
export function CampaignProgress({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const loaded = useApi(
    (signal) =>
      settle(api.GET('/v1/campaigns/{id}/assignment-progress', { params: { path: { id: campaign.id } }, signal })),
    [api, campaign.id, campaign.version],
  );
  if (loaded.state === 'error' && loaded.problem.status === 403) return null;
  const data = loaded.data;
  return (
    <Section id="campaign-progress-title" title="campaignsArea.progress.title" busy={loaded.state === 'loading'}>
      <LoadState loaded={loaded} />
      {data && data.total === 0 && <p className="empty">{t('campaignsArea.progress.empty')}</p>}
      {data && data.total > 0 && (
        <>
          <p>{t('campaignsArea.progress.total', { count: data.total, n: format.number(data.total) })}</p>
          <dl className="figures">
            {ASSIGNMENT_STATUSES.filter((s) => (data.byStatus[s] ?? 0) > 0).map((s) => (
              <div key={s}>
                <dt>{t(`enums.assignmentStatus.${s}`)}</dt>
                <dd>{format.number(data.byStatus[s] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="block-link">
        <Link to={`/campaigns/${campaign.id}/board`}>{t('campaignsArea.progress.board')}</Link>
      </p>
    </Section>
  );
}
