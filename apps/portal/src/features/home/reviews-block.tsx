import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api/client';
import { useFormat } from '../../lib/format';
import { orderReviews } from '../content/review';
import { stageName } from '../content/wording';
import { WorkItem, WorkListBlock } from './work-list';

/** Content waiting for the user's review, overdue first. */
export function ReviewsBlock() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <WorkListBlock
      id="reviews"
      read={(api, signal) => settle(api.GET('/v1/reviews', { params: { query: { mine: true, limit: 50 } }, signal }))}
      order={orderReviews}
      footer={
        <p className="block-link">
          <Link to="/reviews">{t('home.reviews.all')}</Link>
        </p>
      }
    >
      {({ id, currentStage: stage, ...review }) => (
        <WorkItem
          key={id}
          overdue={stage?.overdue}
          title={
            <Link to={`/submissions/${id}`}>
              {t('home.reviews.item', {
                creator: review.creatorName,
                platform: t(`enums.platform.${review.platform}`),
                kind: t(`enums.contentKind.${review.kind}`),
              })}
            </Link>
          }
          meta={
            stage && (
              <>
                {stage.overdue && <strong className="tag tag-danger">{t('home.reviews.overdue')}</strong>}{' '}
                {t('home.reviews.due', { date: format.dateTime(stage.dueAt) })} ·{' '}
                {t('home.reviews.stage', { stage: stageName(t, format.agency, stage.key) })}
              </>
            )
          }
        />
      )}
    </WorkListBlock>
  );
}
