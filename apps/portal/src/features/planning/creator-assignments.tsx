import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api/client';
import { Loading, ProblemAlert } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';

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
    <section className="section" aria-labelledby="creator-assignments-title" aria-busy={loaded.state === 'loading'}>
      <h2 id="creator-assignments-title">{t('creator.assignments.title')}</h2>
      {loaded.state === 'loading' && !loaded.data && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.data && items.length === 0 && <p className="empty">{t('creator.assignments.empty')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('creator.assignments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('creator.assignments.campaign')}</th>
                <th scope="col">{t('creator.assignments.brief')}</th>
                <th scope="col">{t('creator.assignments.status')}</th>
                <th scope="col">{t('creator.assignments.due')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((assignment) => (
                <tr key={assignment.id} className={assignment.overdue ? 'row-overdue' : undefined}>
                  <td>
                    <Link to={`/campaigns/${assignment.campaignId}/board`}>{assignment.campaign.title}</Link>
                  </td>
                  <td>{assignment.brief.title}</td>
                  <td>
                    <span className={`badge badge-${assignment.status}`}>
                      {t(`enums.assignmentStatus.${assignment.status}`)}
                    </span>
                  </td>
                  <td>
                    {format.dateTime(assignment.brief.dueAt)}{' '}
                    {assignment.overdue && (
                      <strong className="tag tag-danger">{t('creator.assignments.overdue')}</strong>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.data?.nextCursor && <p className="hint">{t('creator.assignments.more', { count: SHOWN })}</p>}
    </section>
  );
}
