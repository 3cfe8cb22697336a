import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page';
import { MyAssignments } from '../planning/my-assignments';
import { reviews } from '../../session/ability';
import { useSession } from '../../session/session';
import { AgreementsBlock, BudgetBlock } from './agreements-block';
import { RequestsBlock } from './requests-block';
import { ReviewsBlock } from './reviews-block';
import { TasksBlock } from './tasks-block';

/**
 * What waits for me: each block appears only when the user's role can act on
 * it (the same `packages/permissions` rules the API applies).
 */
export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.me!;
  const name = me.user.name ?? me.creator?.displayName ?? me.user.id;

  const blocks = {
    requests: session.can('answer', 'CampaignRequest'),
    tasks: session.can('answer', 'AgencyTask'),
    reviews: reviews(me),
    agreements: session.can('read', 'Agreement'),
  };
  const none = !Object.values(blocks).some(Boolean);

  return (
    <div className="page">
      <PageHeading title={t('home.title')}>{t('home.greeting', { name })}</PageHeading>
      <p className="lead">{me.creator ? t('home.creatorIntro') : t('home.intro')}</p>
      {none && !me.creator && <p className="empty">{t('home.nothing')}</p>}
      {me.creator && <MyAssignments />}
      <div className="blocks">
        {blocks.reviews && <ReviewsBlock />}
        {blocks.requests && <RequestsBlock />}
        {blocks.tasks && <TasksBlock />}
        {blocks.agreements && <AgreementsBlock />}
        {blocks.agreements && <BudgetBlock me={me} />}
      </div>
    </div>
  );
}
