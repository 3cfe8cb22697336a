import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle, type Schemas } from '../../api/client';
import { useFormat } from '../../lib/format';
import { Block } from './block';
import { BudgetFigures } from '../../components/budget-figures';
import type { Me } from '../../session/ability';
import { useBlockRead, WorkItem, WorkListBlock } from './work-list';

type AgreementSummary = Schemas['AgreementPage']['items'][number];
type Budget = Schemas['BudgetReport'];

const byEnd = (a: AgreementSummary, b: AgreementSummary) => a.term.end.localeCompare(b.term.end);

/** The agency's agreements ending within 30 days, soonest first. */
export function AgreementsBlock() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <WorkListBlock
      id="agreements"
      read={(api, signal) =>
        settle(api.GET('/v1/agreements', { params: { query: { expiringWithinDays: 30, limit: 50 } }, signal }))
      }
      order={(items) => [...items].sort(byEnd)}
    >
      {(agreement) => (
        <WorkItem
          key={agreement.id}
          title={
            <Link to={`/agreements/${agreement.id}`}>
              <span className="mono">{agreement.number}</span> · {agreement.title}
            </Link>
          }
          meta={
            <>
              <Link to={`/creators/${agreement.counterparty.id}`}>{agreement.counterparty.displayName}</Link> ·{' '}
              {t('home.agreements.ends', { date: format.date(agreement.term.end) })} ·{' '}
              {t(`enums.agreementStatus.${agreement.status}`)}
            </>
          }
        />
      )}
    </WorkListBlock>
  );
}

/** This year's budget of the user's agency. */
export function BudgetBlock({ me }: { me: Me }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const loaded = useBlockRead((api, signal) =>
    settle(api.GET('/v1/agreements/budget', { params: { query: { year } }, signal })),
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
