import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CAMPAIGN_STATUSES } from '@concord/domain';
import { settle, type Schemas } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ListOutcome } from '../../components/list-outcome';
import { ListHead } from '../../components/page';
import { Pager } from '../../components/pager';
import { SelectFilter } from './select-filter';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useApiClient, useSession } from '../../session/session';

type Status = Schemas['CampaignView']['status'];
const PAGE_SIZE = 50;

/** The campaigns the user's agency runs or is a partner in, filterable by status. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') ?? '';
  const status = (CAMPAIGN_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as Status) : undefined;
  const pages = useCursorPages();
  const loaded = useApi(
    (signal) =>
      settle(
        api.GET('/v1/campaigns', { params: { query: { status, limit: PAGE_SIZE, cursor: pages.cursor } }, signal }),
      ),
    [api, status, pages.cursor],
  );
  const items = loaded.data?.items ?? [];

  function filter(next: string) {
    setParams(next ? new URLSearchParams({ status: next }) : new URLSearchParams(), { replace: true });
    pages.reset();
  }

  return (
    <div className="page">
      <ListHead title={t('campaignsArea.list.title')} intro={t('campaignsArea.list.intro')}>
        {session.can('read', 'CampaignRequest') && (
          <Link to="/requests" className="button-link button-secondary">
            {t('campaignsArea.list.requests')}
          </Link>
        )}
      </ListHead>

      <SelectFilter
        id="campaigns-status"
        formLabel={t('campaignsArea.list.filter')}
        label={t('campaignsArea.list.status')}
        values={CAMPAIGN_STATUSES}
        text={(s) => t(`campaignsArea.status.${s}`)}
        any={t('campaignsArea.list.allStatuses')}
        value={status ?? ''}
        onChange={filter}
      />

      <ListOutcome loaded={loaded}>
        {loaded.state === 'loading' && t('app.loading')}
        {loaded.state === 'ok' &&
          items.length === 0 &&
          (status ? t('campaignsArea.list.emptyFiltered') : t('campaignsArea.list.empty'))}
      </ListOutcome>

      {items.length > 0 && (
        <DataTable
          rows={items}
          rowKey={(campaign) => campaign.id}
          busy={loaded.state === 'loading'}
          caption={t('campaignsArea.list.caption')}
          columns={[
            {
              id: 'campaign',
              header: 'campaignsArea.list.campaign',
              rowHeader: true,
              cell: (campaign) => <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>,
            },
            { id: 'owner', header: 'campaignsArea.list.owner', cell: (c) => format.agency(c.ownerAgencyId) },
            {
              id: 'partners',
              header: 'campaignsArea.list.partners',
              cell: (c) => c.partnerAgencyIds.map(format.agency).join('; ') || t('app.none'),
            },
            {
              id: 'period',
              header: 'campaignsArea.list.period',
              cell: ({ period }) =>
                t('requests.period', { start: format.date(period.start), end: format.date(period.end) }),
            },
            {
              id: 'status',
              header: 'campaignsArea.list.status',
              cell: (c) => <span className={`badge badge-${c.status}`}>{t(`campaignsArea.status.${c.status}`)}</span>,
            },
          ]}
        />
      )}

      <Pager label={t('campaignsArea.list.pagination')} pages={pages} loaded={loaded} />
    </div>
  );
}
