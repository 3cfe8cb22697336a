import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { BudgetFigures } from '../../components/budget-figures';
import { LoadState } from '../../components/messages';
import { useApi } from '../../lib/use-api';
import { useApiClient, useSession } from '../../session/session';

/** This year's budget of the user's agency: committed under signed agreements, paid, remaining. */
export function BudgetSummary() {
  const { t } = useTranslation();
  const api = useApiClient();
  const session = useSession();
  const year = new Date().getFullYear();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/agreements/budget', { params: { query: { year } }, signal })),
    [api, year],
  );
  const mine = loaded.data?.agencies.find((a) => a.agencyId === session.me?.agency?.id);
  return (
    <section className="section agreements-budget" aria-labelledby="agreements-budget-title">
      <h2 id="agreements-budget-title">{t('agreementsArea.budget.title', { year })}</h2>
      <LoadState loaded={loaded} label={t('agreementsArea.budget.loading')} />
      {loaded.data && !mine && <p className="empty">{t('agreementsArea.budget.empty', { year })}</p>}
      {mine && <BudgetFigures budget={mine} />}
    </section>
  );
}
