import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { Block } from './block';

type Request = Schemas['CampaignRequestPage']['items'][number];

/** Joint campaign requests waiting for the agency's answer, soonest deadline first. */
export function RequestsBlock() {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const loaded = useApi(
    (signal) =>
      settle(
        api.GET('/v1/campaign-requests', {
          params: { query: { box: 'inbox', status: 'submitted', limit: 20 } },
          signal,
        }),
      ),
    [api],
  );
  return (
    <Block
      id="requests"
      title={t('home.requests.title')}
      loaded={loaded}
      isEmpty={(d) => d.items.length === 0}
      empty={t('home.requests.empty')}
    >
      {(data) => (
        <ul className="work-list">
          {[...data.items]
            .sort((a: Request, b: Request) => a.responseDeadline.localeCompare(b.responseDeadline))
            .map((request) => (
              <li key={request.id}>
                <Link className="work-title" to={`/requests/${request.id}`}>
                  {request.title}
                </Link>
                <span className="work-meta">
                  {t('home.requests.from', { agency: format.agency(request.fromAgencyId) })} ·{' '}
                  {t('home.requests.deadline', { date: format.dateTime(request.responseDeadline) })}
                </span>
              </li>
            ))}
        </ul>
      )}
    </Block>
  );
}
