import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';
import { WorkItem, WorkListBlock } from './work-list';

type Request = Schemas['CampaignRequestPage']['items'][number];

const byDeadline = (a: Request, b: Request) => a.responseDeadline.localeCompare(b.responseDeadline);

/** Joint campaign requests waiting for the agency's answer, soonest deadline first. */
export function RequestsBlock() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <WorkListBlock
      id="requests"
      read={(api, signal) =>
        settle(
          api.GET('/v1/campaign-requests', {
            params: { query: { box: 'inbox', status: 'submitted', limit: 20 } },
            signal,
          }),
        )
      }
      order={(items) => [...items].sort(byDeadline)}
    >
      {(request) => (
        <WorkItem
          key={request.id}
          title={<Link to={`/requests/${request.id}`}>{request.title}</Link>}
          meta={
            <>
              {t('home.requests.from', { agency: format.agency(request.fromAgencyId) })} ·{' '}
              {t('home.requests.deadline', { date: format.dateTime(request.responseDeadline) })}
            </>
          }
        />
      )}
    </WorkListBlock>
  );
}
