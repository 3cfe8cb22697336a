import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api/client';
import { RecordPage } from '../../components/record-page';
import { useArrivalState } from '../../lib/arrival-state';
import { useRecordPage } from '../../lib/use-record-page';
import { useSession } from '../../session/session';
import { CampaignBriefs } from './campaign-briefs';
import { CampaignFacts } from './campaign-facts';
import { CampaignLifecycle } from './campaign-lifecycle';
import { CampaignPartners } from './campaign-partners';
import { CampaignProgress } from './campaign-progress';
import type { CampaignWriteProps } from './campaign-write';

/**
 * A campaign: its facts, lifecycle actions, partner agencies, briefs (with
 * "Add a brief" and, per brief, "Offer to creators"), how its assignments
 * stand, and links to the assignments board and the report.
 */
export default function CampaignPage() {
  const { t } = useTranslation();
  const arrival = useArrivalState<{ notice: string }>();
  const { loaded, notice, done } = useRecordPage(
    (api, id, signal) => settle(api.GET('/v1/campaigns/{id}', { params: { path: { id } }, signal })),
    arrival.notice,
  );
  const campaign = loaded.data;
  return (
    <RecordPage
      back={{ to: '/campaigns', label: t('campaignsArea.list.title') }}
      title={campaign?.title ?? t('campaignsArea.page.title')}
      notice={notice}
      loaded={loaded}
    >
      {campaign && <CampaignView campaign={campaign} onDone={done} reload={loaded.reload} />}
    </RecordPage>
  );
}

function CampaignView({ campaign, onDone, reload }: CampaignWriteProps) {
  const { t } = useTranslation();
  const session = useSession();
  const owner = session.me?.agency?.id === campaign.ownerAgencyId;
  const canManage = owner && session.can('update', 'Campaign');
  const canChangeStatus = owner && session.can('change_status', 'Campaign');
  const canFanOut = owner && session.can('update', 'Assignment');
  const open = campaign.status === 'planning' || campaign.status === 'active';
  return (
    <>
      <nav className="link-row" aria-label={t('campaignsArea.page.more')}>
        <Link to={`/campaigns/${campaign.id}/board`} className="button-link button-secondary">
          {t('campaignsArea.page.board')}
        </Link>
        <Link to={`/campaigns/${campaign.id}/report`} className="button-link button-secondary">
          {t('campaignsArea.page.report')}
        </Link>
        {campaign.sourceRequestId && (
          <Link to={`/requests/${campaign.sourceRequestId}`}>{t('campaignsArea.page.sourceRequest')}</Link>
        )}
      </nav>

      <CampaignFacts campaign={campaign} />

      {canChangeStatus && open && <CampaignLifecycle campaign={campaign} onDone={onDone} reload={reload} />}

      <CampaignPartners campaign={campaign} canManage={canManage && open} onDone={onDone} reload={reload} />

      <CampaignBriefs campaign={campaign} canAdd={canManage && open} canFanOut={canFanOut} />

      <CampaignProgress campaign={campaign} />
    </>
  );
}
