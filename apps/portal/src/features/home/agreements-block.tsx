import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { Block } from './block';
import { BudgetFigures } from '../../components/budget-figures';
import type { Me } from '../../session/ability';

type AgreementSummary = Schemas['AgreementPage']['items'][number];
type Budget = Schemas['BudgetReport'];

/** The agency's agreements ending within 30 days, soonest first. */
export function AgreementsBlock() {
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

/** This year's budget of the user's agency. */
export function BudgetBlock({ me }: { me: Me }) {
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
