import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { LoadState } from '../../components/messages';
import { Section } from '../../components/section';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { StatusBadge } from '../../components/status-badge';

const SHOWN = 50;

/** A creator's assignments on the campaigns the reader may see: campaign, brief, state, due date (latest first). */
export function CreatorAssignments({ creatorId }: { creatorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/assignments', { params: { query: { creatorId, limit: SHOWN } }, signal })),
    [api, creatorId],
  );
  const items = [...(loaded.data?.items ?? [])].sort((a, b) => b.brief.dueAt.localeCompare(a.brief.dueAt));
  return (
    <Section id="creator-assignments-title" title="creator.assignments.title" busy={loaded.state === 'loading'}>
      <LoadState loaded={loaded} />
      {loaded.data && (
        <DataTable
          rows={items}
          rowKey={(assignment) => assignment.id}
          rowClassName={(assignment) => (assignment.overdue ? 'row-overdue' : undefined)}
          caption={t('creator.assignments.title')}
          empty="creator.assignments.empty"
          columns={[
            {
              id: 'campaign',
              header: 'creator.assignments.campaign',
              cell: (a) => <Link to={`/campaigns/${a.campaignId}/board`}>{a.campaign.title}</Link>,
            },
            { id: 'brief', header: 'creator.assignments.brief', cell: (a) => a.brief.title },
            {
              id: 'status',
              header: 'creator.assignments.status',
              cell: (a) => <StatusBadge of={a.status}>{t(`enums.assignmentStatus.${a.status}`)}</StatusBadge>,
            },
            {
              id: 'due',
              header: 'creator.assignments.due',
              cell: (a) => (
                <>
                  {format.dateTime(a.brief.dueAt)}{' '}
                  {a.overdue && <strong className="tag tag-danger">{t('creator.assignments.overdue')}</strong>}
                </>
              ),
            },
          ]}
        />
      )}
      {loaded.data?.nextCursor && <p className="hint">{t('creator.assignments.more', { count: SHOWN })}</p>}
    </Section>
  );
}
