import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { RecordPage } from '../../components/record-page';
import { useArrivalState } from '../../lib/arrival-state';
import { useRecordPage } from '../../lib/use-record-page';
import { useSession } from '../../session/session';
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
  const arrival = useArrivalState<{ sent: boolean }>();
  const { loaded, notice, done } = useRecordPage(
    (api, id, signal) => settle(api.GET('/v1/campaign-requests/{id}', { params: { path: { id } }, signal })),
    arrival.sent ? t('requests.detail.sent') : '',
  );
  const request = loaded.data;
  return (
    <RecordPage
      back={{ to: '/requests', label: t('requests.title') }}
      title={request?.title ?? t('requests.detail.title')}
      notice={notice}
      loaded={loaded}
    >
      {request && <RequestView request={request} onDone={done} reload={loaded.reload} />}
    </RecordPage>
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
