import type { ReactNode } from 'react';
import { settle } from '../../api/client';
import { ProblemAlert } from '../../components/messages';
import { Breadcrumb, PageHeading } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';

/** The campaign a page under it (its board, its report) belongs to: its title names the page. */
export function useCampaignRead(id: string) {
  const api = useApiClient();
  return useApi((signal) => settle(api.GET('/v1/campaigns/{id}', { params: { path: { id } }, signal })), [api, id]);
}

type CampaignRead = ReturnType<typeof useCampaignRead>;

/**
 * The head of a page under a campaign: the way back to the campaign (its
 * title, or `crumb` until it has one), the page's heading and its links.
 */
export function CampaignSubHead({
  id,
  title,
  crumb,
  heading,
  children,
}: {
  id: string;
  title?: string;
  crumb: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <>
      <Breadcrumb to={`/campaigns/${id}`}>{title ?? crumb}</Breadcrumb>
      <div className="page-head">
        <PageHeading title={heading} />
        <p className="actions">{children}</p>
      </div>
    </>
  );
}

/** A failed read of the campaign, unless it is not there (the page's own read says that). */
export function CampaignReadProblem({ campaign }: { campaign: CampaignRead }) {
  if (campaign.state !== 'error' || campaign.problem.status === 404) return null;
  return <ProblemAlert problem={campaign.problem} onRetry={campaign.reload} />;
}
