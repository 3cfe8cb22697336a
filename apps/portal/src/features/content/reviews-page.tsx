import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api/client';
import { orderReviews } from './review';
import { stageName } from './wording';
import { DataTable } from '../../components/data-table';
import { LoadState } from '../../components/messages';
import { PageHeading } from '../../components/page';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';

/** What waits for my review: overdue first, then soonest due. */
export default function ReviewsPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/reviews', { params: { query: { mine: true, limit: 100 } }, signal })),
    [api],
  );
  const items = orderReviews(loaded.data?.items ?? []);
  return (
    <div className="page">
      <PageHeading title={t('reviews.title')} />
      <p className="lead">{t('reviews.intro')}</p>
      <LoadState loaded={loaded} />
      {loaded.data && (
        <DataTable
          rows={items}
          rowKey={(review) => review.id}
          rowClassName={(review) => (review.currentStage?.overdue ? 'row-overdue' : undefined)}
          busy={loaded.state === 'loading'}
          caption={t('reviews.caption', { count: items.length })}
          empty="reviews.empty"
          columns={[
            {
              id: 'content',
              header: 'reviews.content',
              rowHeader: true,
              cell: (review) => (
                <Link to={`/submissions/${review.id}`}>
                  {t('home.reviews.item', {
                    creator: review.creatorName,
                    platform: t(`enums.platform.${review.platform}`),
                    kind: t(`enums.contentKind.${review.kind}`),
                  })}
                </Link>
              ),
            },
            {
              id: 'stage',
              header: 'reviews.stage',
              cell: ({ currentStage: stage }) =>
                stage
                  ? t('reviews.stageOf', { n: stage.index + 1, key: stageName(t, format.agency, stage.key) })
                  : t('app.none'),
            },
            {
              id: 'due',
              header: 'reviews.dueCol',
              cell: ({ currentStage: stage }) =>
                stage && (
                  <>
                    {stage.overdue && <strong className="tag tag-danger">{t('reviews.overdue')}</strong>}{' '}
                    {format.dateTime(stage.dueAt)}
                    {stage.escalated && <> · {t('reviews.escalated')}</>}
                  </>
                ),
            },
            { id: 'agency', header: 'reviews.agency', cell: (review) => format.agency(review.ownerAgencyId) },
          ]}
        />
      )}
    </div>
  );
}
