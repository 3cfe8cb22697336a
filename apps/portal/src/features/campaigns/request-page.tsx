import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { settle } from '../../api/client';
import { LoadState, SuccessNotice } from '../../components/messages';
import { Breadcrumb, PageHeading } from '../../components/page';
import { useArrivalState } from '../../lib/arrival-state';
import { useApi } from '../../lib/use-api';
import { useApiClient, useSession } from '../../session/session';
import { RequestAnswers } from './request-answers';
import { RequestDetails, RequestHistory } from './request-details';
import { requestActions, type CampaignRequestView } from './request-form';

/**
 * One joint campaign request: what was asked, the counter-proposal if any,
 * its history, and the answers the user may give (accept, propose other
 * terms, decline with a reason; the requester accepts a counter-proposal or
 * withdraws).
 */
export default function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const arrival = useArrivalState<{ sent: boolean }>();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/campaign-requests/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  const [notice, setNotice] = useState(() => (arrival.sent ? t('requests.detail.sent') : ''));
  const request = loaded.data;
  const done = (text: string) => {
    setNotice(text);
    loaded.reload();
  };
  return (
    <div className="page">
      <Breadcrumb to="/requests">{t('requests.title')}</Breadcrumb>
      <PageHeading title={request?.title ?? t('requests.detail.title')} />
      <SuccessNotice message={notice} />
      <LoadState loaded={loaded} />
      {request && <RequestView request={request} onDone={done} reload={loaded.reload} />}
    </div>
  );
}

function RequestView({
  request,
  onDone,
  reload,
}: {
  request: CampaignRequestView;
  onDone: (notice: string) => void;
  reload: () => void;
}) {
  const session = useSession();
  const actions = requestActions(request, {
    agencyId: session.me?.agency?.id,
    canAnswer: session.can('answer', 'CampaignRequest'),
    canFollowUp: session.can('follow_up', 'CampaignRequest'),
  });
  return (
    <>
      <RequestDetails request={request} />
      {actions.length > 0 && <RequestAnswers request={request} actions={actions} onDone={onDone} reload={reload} />}
      <RequestHistory request={request} />
    </>
  );
}
