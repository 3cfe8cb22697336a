import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api/client';
import { orderReviews } from './review';
import { stageName } from './wording';
import { Loading, ProblemAlert } from '../../components/messages';
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
      <PageHeading title={t('reviews.title')}>{t('reviews.title')}</PageHeading>
      <p className="lead">{t('reviews.intro')}</p>
      {loaded.state === 'loading' && !loaded.data && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.data && items.length === 0 && <p className="empty">{t('reviews.empty')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-busy={loaded.state === 'loading'}>
            <caption className="visually-hidden">{t('reviews.caption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviews.content')}</th>
                <th scope="col">{t('reviews.stage')}</th>
                <th scope="col">{t('reviews.dueCol')}</th>
                <th scope="col">{t('reviews.agency')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((review) => (
                <tr key={review.id} className={review.currentStage?.overdue ? 'row-overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/submissions/${review.id}`}>
                      {t('home.reviews.item', {
                        creator: review.creatorName,
                        platform: t(`enums.platform.${review.platform}`),
                        kind: t(`enums.contentKind.${review.kind}`),
                      })}
                    </Link>
                  </th>
                  <td>
                    {review.currentStage
                      ? t('reviews.stageOf', {
                          n: review.currentStage.index + 1,
                          key: stageName(t, format.agency, review.currentStage.key),
                        })
                      : t('app.none')}
                  </td>
                  <td>
                    {review.currentStage && (
                      <>
                        {review.currentStage.overdue && (
                          <strong className="tag tag-danger">{t('reviews.overdue')}</strong>
                        )}{' '}
                        {format.dateTime(review.currentStage.dueAt)}
                        {review.currentStage.escalated && <> · {t('reviews.escalated')}</>}
                      </>
                    )}
                  </td>
                  <td>{format.agency(review.ownerAgencyId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
