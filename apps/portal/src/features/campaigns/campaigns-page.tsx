import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CAMPAIGN_STATUSES } from '@concord/domain';
import { settle, type Schemas } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { ListResults } from '../../components/list-results';
import { ListHead } from '../../components/page';
import { SelectFilter } from './select-filter';
import { useFormat } from '../../lib/format';
import { useListStatus } from '../../lib/list-status';
import { usePagedRead } from '../../lib/use-paged-read';
import { useSession } from '../../session/session';
import { StatusBadge } from '../../components/status-badge';

type Status = Schemas['CampaignView']['status'];
const PAGE_SIZE = 50;

/** The campaigns the user's agency runs or is a partner in, filterable by status. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') ?? '';
  const status = (CAMPAIGN_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as Status) : undefined;
  const { pages, loaded } = usePagedRead(
    (api, cursor, signal) =>
      settle(api.GET('/v1/campaigns', { params: { query: { status, limit: PAGE_SIZE, cursor } }, signal })),
    [status],
  );
  const items = loaded.data?.items ?? [];
  const shown = useListStatus(loaded, items.length, 1, {
    loading: t('app.loading'),
    empty: status ? t('campaignsArea.list.emptyFiltered') : t('campaignsArea.list.empty'),
  });

  function filter(next: string) {
    setParams(next ? new URLSearchParams({ status: next }) : new URLSearchParams(), { replace: true });
    pages.reset();
  }

  return (
    <div className="page">
      <ListHead
        title={t('campaignsArea.list.title')}
        intro={t('campaignsArea.list.intro')}
        action={
          session.can('read', 'CampaignRequest') && {
            to: '/requests',
            label: t('campaignsArea.list.requests'),
            secondary: true,
          }
        }
      />

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

      <ListResults list={{ loaded, pages, items }} status={shown} pagination={t('campaignsArea.list.pagination')}>
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
              cell: (c) => <StatusBadge of={c.status}>{t(`campaignsArea.status.${c.status}`)}</StatusBadge>,
            },
          ]}
        />
      </ListResults>
    </div>
  );
}
