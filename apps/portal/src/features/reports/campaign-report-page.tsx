import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { settle } from '../../api/client';
import { Loading, ProblemAlert } from '../../components/messages';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { CampaignReadProblem, CampaignSubHead, useCampaignRead } from '../campaigns/campaign-sub-page';
import { ReportView } from './report-view';

/**
 * A campaign's report: totals against its targets, reach over time and per
 * platform (charts with a caption, a summary in words and the figures as
 * tables), reach per creator, and the same report as a CSV file.
 */
export default function CampaignReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const campaign = useCampaignRead(id);
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/campaigns/{id}/report', { params: { path: { id } }, signal })),
    [api, id],
  );
  const title = campaign.data?.title;
  const heading = title ? t('report.title', { campaign: title }) : t('report.titlePlain');
  return (
    <div className="page">
      <CampaignSubHead id={id} title={title} crumb={t('report.campaign')} heading={heading}>
        <Link to={`/campaigns/${id}/board`}>{t('report.boardLink')}</Link>
      </CampaignSubHead>
      <CampaignReadProblem campaign={campaign} />
      {loaded.state === 'loading' && !loaded.data && <Loading label={t('report.loading')} />}
      {loaded.state === 'error' && (
        <ProblemAlert problem={loaded.problem} onRetry={loaded.problem.status === 404 ? undefined : loaded.reload} />
      )}
      {loaded.data && <ReportView report={loaded.data} campaignId={id} title={title} />}
    </div>
  );
}
