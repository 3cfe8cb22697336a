import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CAMPAIGN_REQUEST_STATUSES } from '@concord/domain';
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

type Request = Schemas['CampaignRequestPage']['items'][number];
type Box = 'inbox' | 'outbox';
type Status = Request['status'];
const PAGE_SIZE = 50;

/**
 * Joint campaign requests: the inbox (sent to the user's agency) and the
 * outbox (sent by it), each filterable by status, a page at a time. The tab
 * and the filter live in the address, so a view can be shared.
 */
export default function RequestsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  // Those who answer requests start at their inbox; those who send them, at their outbox.
  const defaultBox: Box =
    session.can('answer', 'CampaignRequest') || !session.can('create', 'CampaignRequest') ? 'inbox' : 'outbox';
  const box: Box = params.get('box') === 'outbox' ? 'outbox' : params.get('box') === 'inbox' ? 'inbox' : defaultBox;
  const statusParam = params.get('status') ?? '';
  const status = (CAMPAIGN_REQUEST_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as Status)
    : undefined;
  const { pages, loaded } = usePagedRead(
    (api, cursor, signal) =>
      settle(
        api.GET('/v1/campaign-requests', { params: { query: { box, status, limit: PAGE_SIZE, cursor } }, signal }),
      ),
    [box, status],
  );

  function show(next: { box?: Box; status?: string }) {
    const p = new URLSearchParams(params);
    if (next.box) p.set('box', next.box);
    if (next.status !== undefined) {
      if (next.status) p.set('status', next.status);
      else p.delete('status');
    }
    setParams(p, { replace: true });
    pages.reset();
  }

  const items = loaded.data?.items ?? [];
  const shown = useListStatus(loaded, items.length, 1, {
    loading: t('app.loading'),
    empty: status ? t('requests.emptyFiltered') : t(`requests.empty.${box}`),
  });
  const boxes: Box[] = ['inbox', 'outbox'];

  return (
    <div className="page">
      <ListHead
        title={t('requests.title')}
        intro={t('requests.intro')}
        action={session.can('create', 'CampaignRequest') && { to: '/requests/new', label: t('requests.new') }}
      />

      <div className="tabs" role="tablist" aria-label={t('requests.tabs.label')}>
        {boxes.map((b) => (
          <button
            key={b}
            type="button"
            role="tab"
            id={`requests-tab-${b}`}
            aria-selected={box === b}
            aria-controls="requests-panel"
            tabIndex={box === b ? 0 : -1}
            className={box === b ? 'tab tab-current' : 'tab'}
            onClick={() => show({ box: b })}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const other = b === 'inbox' ? 'outbox' : 'inbox';
              show({ box: other });
              document.getElementById(`requests-tab-${other}`)?.focus();
            }}
          >
            {t(`requests.tabs.${b}`)}
          </button>
        ))}
      </div>

      <div role="tabpanel" id="requests-panel" aria-labelledby={`requests-tab-${box}`} className="tab-panel">
        <SelectFilter
          id="requests-status"
          formLabel={t('requests.filter')}
          label={t('requests.status.filter')}
          values={CAMPAIGN_REQUEST_STATUSES}
          text={(s) => t(`requests.status.${s}`)}
          any={t('requests.status.all')}
          value={status ?? ''}
          onChange={(next) => show({ status: next })}
        />

        <ListResults list={{ loaded, pages, items }} status={shown} pagination={t('requests.pagination')}>
          <DataTable
            rows={items}
            rowKey={(request) => request.id}
            busy={loaded.state === 'loading'}
            caption={t(`requests.table.${box}`)}
            columns={[
              {
                id: 'title',
                header: 'requests.table.title',
                rowHeader: true,
                cell: (request) => <Link to={`/requests/${request.id}`}>{request.title}</Link>,
              },
              {
                id: 'agency',
                header: box === 'inbox' ? 'requests.table.from' : 'requests.table.to',
                cell: (r) => format.agency(box === 'inbox' ? r.fromAgencyId : r.toAgencyId),
              },
              {
                id: 'period',
                header: 'requests.table.period',
                cell: ({ proposedPeriod: p }) =>
                  t('requests.period', { start: format.date(p.start), end: format.date(p.end) }),
              },
              { id: 'deadline', header: 'requests.table.deadline', cell: (r) => format.dateTime(r.responseDeadline) },
              {
                id: 'status',
                header: 'requests.table.status',
                cell: (r) => <StatusBadge of={r.status}>{t(`requests.status.${r.status}`)}</StatusBadge>,
              },
            ]}
          />
        </ListResults>
      </div>
    </div>
  );
}
