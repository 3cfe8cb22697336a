import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { Block } from './block';
import { orderReviews } from '../content/review';
import { stageName } from '../content/wording';

type Review = Schemas['ReviewPage']['items'][number];

/** Content waiting for the user's review, overdue first. */
export function ReviewsBlock() {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/reviews', { params: { query: { mine: true, limit: 50 } }, signal })),
    [api],
  );
  const ordered = (items: Review[]) => orderReviews(items);
  return (
    <Block
      id="reviews"
      title={t('home.reviews.title')}
      loaded={loaded}
      isEmpty={(d) => d.items.length === 0}
      empty={t('home.reviews.empty')}
    >
      {(data) => (
        <>
          <ul className="work-list">
            {ordered(data.items).map((review) => (
              <li key={review.id} className={review.currentStage?.overdue ? 'overdue' : undefined}>
                <Link className="work-title" to={`/submissions/${review.id}`}>
                  {t('home.reviews.item', {
                    creator: review.creatorName,
                    platform: t(`enums.platform.${review.platform}`),
                    kind: t(`enums.contentKind.${review.kind}`),
                  })}
                </Link>
                {review.currentStage && (
                  <span className="work-meta">
                    {review.currentStage.overdue && (
                      <strong className="tag tag-danger">{t('home.reviews.overdue')}</strong>
                    )}{' '}
                    {t('home.reviews.due', { date: format.dateTime(review.currentStage.dueAt) })} ·{' '}
                    {t('home.reviews.stage', { stage: stageName(t, format.agency, review.currentStage.key) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <p className="block-link">
            <Link to="/reviews">{t('home.reviews.all')}</Link>
          </p>
        </>
      )}
    </Block>
  );
}
