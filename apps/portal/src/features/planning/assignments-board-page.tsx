import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { settle, type ConcordClient, type Result } from '../../api/client';
import { LoadState, SuccessNotice } from '../../components/messages';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { CampaignReadProblem, CampaignSubHead, useCampaignRead } from '../campaigns/campaign-sub-page';
import { groupByStatus, overdueCount, type BoardAssignment } from './board';
import { BoardCard } from './board-card';

/** Every assignment of the campaign, page after page (the board shows them all at once). */
async function loadAll(
  api: ConcordClient,
  campaignId: string,
  signal: AbortSignal,
): Promise<Result<BoardAssignment[]>> {
  const items: BoardAssignment[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await settle(
      api.GET('/v1/assignments', {
        params: { query: { campaignId, limit: 200, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    if (!page.ok) return page;
    items.push(...page.data.items);
    if (!page.data.nextCursor) return { ok: true, data: items, response: page.response };
    cursor = page.data.nextCursor;
  }
}

/**
 * A campaign's assignments, one column per state (lists under headings, read
 * in order by screen readers): who, which brief, due when, overdue or not.
 * The owning agency's managers cancel work not yet submitted, with a reason.
 */
export default function AssignmentsBoardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const api = useApiClient();
  const campaign = useCampaignRead(id);
  const loaded = useApi((signal) => loadAll(api, id, signal), [api, id]);
  const [notice, setNotice] = useState('');
  const columns = useMemo(() => groupByStatus(loaded.data ?? []), [loaded.data]);
  const title = campaign.data?.title;
  const heading = title ? t('board.title', { campaign: title }) : t('board.titlePlain');

  return (
    <div className="page">
      <CampaignSubHead id={id} title={title} crumb={t('board.campaign')} heading={heading}>
        <Link to={`/campaigns/${id}/report`}>{t('board.reportLink')}</Link>
        <Link to="/calendar">{t('board.calendarLink')}</Link>
      </CampaignSubHead>
      <SuccessNotice message={notice} />
      <CampaignReadProblem campaign={campaign} />
      <LoadState loaded={loaded} label={t('board.loading')} />
      {loaded.data && (
        <>
          <p className="lead">
            {loaded.data.length === 0
              ? t('board.empty')
              : t('board.summary', { count: loaded.data.length, overdue: overdueCount(loaded.data) })}
          </p>
          <div className="board" aria-busy={loaded.state === 'loading'}>
            {columns.map((column) => (
              <section key={column.status} className="board-column" aria-labelledby={`column-${column.status}`}>
                <h2 id={`column-${column.status}`}>
                  {t(`enums.assignmentStatus.${column.status}`)}{' '}
                  <span className="board-count">({column.items.length})</span>
                </h2>
                {column.items.length === 0 ? (
                  <p className="empty">{t('board.none')}</p>
                ) : (
                  <ul className="board-list">
                    {column.items.map((assignment) => (
                      <BoardCard
                        key={assignment.id}
                        assignment={assignment}
                        onCancelled={() => {
                          setNotice(
                            t('board.cancel.done', { creator: assignment.creatorName, brief: assignment.brief.title }),
                          );
                          loaded.reload();
                        }}
                        onStale={loaded.reload}
                      />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
