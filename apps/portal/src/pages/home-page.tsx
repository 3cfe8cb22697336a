import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Result, type Schemas } from '../api/client';
import { Loading, ProblemAlert } from '../components/messages';
import { BudgetFigures } from '../components/budget-figures';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { useApi, type Loaded } from '../lib/use-api';
import { useApiClient, useSession } from '../session/session';
import { orderReviews, reviews } from '../content/review';
import { stageName } from '../content/wording';
import { MyAssignments } from './my-assignments';
import type { Me } from '../session/ability';

type Request = Schemas['CampaignRequestPage']['items'][number];
type Task = Schemas['AgencyTaskPage']['items'][number];
type Review = Schemas['ReviewPage']['items'][number];
type AgreementSummary = Schemas['AgreementPage']['items'][number];
type Budget = Schemas['BudgetReport'];

const DUE_SOON_DAYS = 7;
const OPEN_TASK = new Set<Task['status']>(['proposed', 'accepted', 'in_progress']);

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

/** A block of the home page: its title, and loading, error, empty or the list. A 403 hides it. */
function Block<T>({
  id,
  title,
  loaded,
  isEmpty,
  empty,
  children,
}: {
  id: string;
  title: string;
  loaded: Loaded<T> & { reload: () => void };
  isEmpty: (data: T) => boolean;
  empty: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (loaded.state === 'error' && loaded.problem.status === 403) return null;
  return (
    <section className="block" aria-labelledby={`${id}-title`} aria-busy={loaded.state === 'loading'}>
      <h2 id={`${id}-title`}>{title}</h2>
      {loaded.state === 'loading' && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.state === 'ok' && (isEmpty(loaded.data) ? <p className="empty">{empty}</p> : children(loaded.data))}
    </section>
  );
}

function RequestsBlock() {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const loaded = useApi(
    (signal) =>
      settle(
        api.GET('/v1/campaign-requests', {
          params: { query: { box: 'inbox', status: 'submitted', limit: 20 } },
          signal,
        }),
      ),
    [api],
  );
  return (
    <Block
      id="requests"
      title={t('home.requests.title')}
      loaded={loaded}
      isEmpty={(d) => d.items.length === 0}
      empty={t('home.requests.empty')}
    >
      {(data) => (
        <ul className="work-list">
          {[...data.items]
            .sort((a: Request, b: Request) => a.responseDeadline.localeCompare(b.responseDeadline))
            .map((request) => (
              <li key={request.id}>
                <Link className="work-title" to={`/requests/${request.id}`}>
                  {request.title}
                </Link>
                <span className="work-meta">
                  {t('home.requests.from', { agency: format.agency(request.fromAgencyId) })} ·{' '}
                  {t('home.requests.deadline', { date: format.dateTime(request.responseDeadline) })}
                </span>
              </li>
            ))}
        </ul>
      )}
    </Block>
  );
}

function TasksBlock() {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const loaded = useApi(
    async (signal): Promise<Result<Task[]>> => {
      const [overdue, inbox] = await Promise.all([
        settle(api.GET('/v1/tasks', { params: { query: { box: 'inbox', overdue: true, limit: 50 } }, signal })),
        settle(api.GET('/v1/tasks', { params: { query: { box: 'inbox', limit: 200 } }, signal })),
      ]);
      if (!overdue.ok) return overdue;
      if (!inbox.ok) return inbox;
      const soon = Date.now() + DUE_SOON_DAYS * 24 * 3600 * 1000;
      const dueSoon = inbox.data.items.filter(
        (task) => !task.overdue && OPEN_TASK.has(task.status) && Date.parse(task.dueAt) <= soon,
      );
      const items = [...overdue.data.items, ...dueSoon.sort((a, b) => a.dueAt.localeCompare(b.dueAt))];
      return { ok: true, data: items, response: inbox.response };
    },
    [api],
  );
  return (
    <Block
      id="tasks"
      title={t('home.tasks.title')}
      loaded={loaded}
      isEmpty={(d) => d.length === 0}
      empty={t('home.tasks.empty')}
    >
      {(tasks) => (
        <ul className="work-list">
          {tasks.map((task) => (
            <li key={task.id} className={task.overdue ? 'overdue' : undefined}>
              <span className="work-title">{task.title}</span>
              <span className="work-meta">
                {task.overdue && <strong className="tag tag-danger">{t('home.tasks.overdue')}</strong>}{' '}
                {t('home.tasks.due', { date: format.dateTime(task.dueAt) })} ·{' '}
                {t('home.tasks.from', { agency: format.agency(task.fromAgencyId) })} ·{' '}
                {t(`enums.taskStatus.${task.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Block>
  );
}

function ReviewsBlock() {
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

function AgreementsBlock() {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/agreements', { params: { query: { expiringWithinDays: 30, limit: 50 } }, signal })),
    [api],
  );
  return (
    <Block
      id="agreements"
      title={t('home.agreements.title')}
      loaded={loaded}
      isEmpty={(d) => d.items.length === 0}
      empty={t('home.agreements.empty')}
    >
      {(data) => (
        <ul className="work-list">
          {[...data.items]
            .sort((a: AgreementSummary, b: AgreementSummary) => a.term.end.localeCompare(b.term.end))
            .map((agreement) => (
              <li key={agreement.id}>
                <span className="work-title">
                  <Link to={`/agreements/${agreement.id}`}>
                    <span className="mono">{agreement.number}</span> · {agreement.title}
                  </Link>
                </span>
                <span className="work-meta">
                  <Link to={`/creators/${agreement.counterparty.id}`}>{agreement.counterparty.displayName}</Link> ·{' '}
                  {t('home.agreements.ends', { date: format.date(agreement.term.end) })} ·{' '}
                  {t(`enums.agreementStatus.${agreement.status}`)}
                </span>
              </li>
            ))}
        </ul>
      )}
    </Block>
  );
}

function BudgetBlock({ me }: { me: Me }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const year = new Date().getFullYear();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/agreements/budget', { params: { query: { year } }, signal })),
    [api, year],
  );
  const own = (budget: Budget) => budget.agencies.find((a) => a.agencyId === me.agency?.id);
  return (
    <Block
      id="budget"
      title={t('home.budget.title', { year })}
      loaded={loaded}
      isEmpty={(d) => !own(d) || own(d)!.committed === 0}
      empty={t('home.budget.empty', { year })}
    >
      {(data) => <BudgetFigures budget={own(data)!} />}
    </Block>
  );
}
