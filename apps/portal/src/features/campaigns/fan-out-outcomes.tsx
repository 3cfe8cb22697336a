import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { Facts } from '../../components/facts';
import { ListResults } from '../../components/list-results';
import { Section } from '../../components/section';
import { SelectFilter } from './select-filter';
import { useFormat } from '../../lib/format';
import { useListStatus } from '../../lib/list-status';
import { usePagedRead } from '../../lib/use-paged-read';
import { useSession } from '../../session/session';
import {
  isOverridable,
  outcomeQuery,
  skipSummary,
  type FanOutResult,
  type FanOutView,
  type OutcomeFilter,
} from './fan-out';
import { OfferAnyway } from './offer-anyway';
import { StatusBadge } from '../../components/status-badge';

const RESULTS_PAGE = 200;

/** Each creator's outcome, a page at a time, filtered by outcome or skip reason, with the reasons counted. */
export function FanOutOutcomes({ view }: { view: FanOutView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const [filter, setFilter] = useState<OutcomeFilter>('all');
  const { pages, loaded } = usePagedRead(
    (api, cursor, signal) =>
      settle(
        api.GET('/v1/fan-outs/{id}', {
          params: { path: { id: view.id }, query: { ...outcomeQuery(filter), limit: RESULTS_PAGE, cursor } },
          signal,
        }),
      ),
    [view.id, filter],
  );
  const reasons = skipSummary(view);
  const canOverride = session.can('update', 'Assignment');
  const results = loaded.data?.results ?? [];
  const status = useListStatus(loaded, results.length, 1, {
    loading: t('app.loading'),
    empty: t('fanOut.outcomes.empty'),
  });
  const reason = (r: FanOutResult) => (r.reason ? t(`fanOut.reason.${r.reason}`) : '');

  return (
    <Section id="fan-out-outcomes-title" title="fanOut.outcomes.title">
      <Facts
        className="figures"
        facts={[
          { label: 'fanOut.outcomes.offered', value: format.number(view.offered) },
          { label: 'fanOut.outcomes.skipped', value: format.number(view.skipped) },
        ]}
      />
      {reasons.length > 0 && (
        <>
          <h3>{t('fanOut.outcomes.whySkipped')}</h3>
          <ul className="skip-reasons">
            {reasons.map((r) => (
              <li key={r.reason}>
                {t(`fanOut.reason.${r.reason}`)} — <strong>{format.number(r.count)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}

      <SelectFilter<OutcomeFilter>
        id="fan-out-filter"
        formLabel={t('fanOut.outcomes.filter')}
        label={t('fanOut.outcomes.show')}
        values={['all', 'offered', 'skipped', ...reasons.map((r) => r.reason)]}
        text={(shown) =>
          shown === 'all'
            ? t('fanOut.outcomes.all')
            : shown === 'offered'
              ? t('fanOut.outcomes.onlyOffered')
              : shown === 'skipped'
                ? t('fanOut.outcomes.onlySkipped')
                : t('fanOut.outcomes.onlyReason', { reason: t(`fanOut.reason.${shown}`) })
        }
        value={filter}
        onChange={(next) => {
          setFilter(next);
          pages.reset();
        }}
      />

      <ListResults
        list={{ loaded, pages, items: results }}
        status={status}
        pagination={t('fanOut.outcomes.pagination')}
      >
        <DataTable
          rows={results}
          rowKey={(r) => r.creatorId}
          busy={loaded.state === 'loading'}
          caption={t('fanOut.outcomes.caption')}
          columns={[
            {
              id: 'creator',
              header: 'fanOut.outcomes.creator',
              rowHeader: true,
              cell: (r) => (
                <Link to={`/creators/${r.creatorId}`}>{r.displayName ?? t('fanOut.outcomes.unknownCreator')}</Link>
              ),
            },
            {
              id: 'outcome',
              header: 'fanOut.outcomes.outcome',
              cell: (r) => (
                <StatusBadge of={r.outcome === 'offered' ? 'offered' : 'declined'}>
                  {t(`fanOut.outcomes.outcome_${r.outcome}`)}
                </StatusBadge>
              ),
            },
            {
              id: 'reason',
              header: 'fanOut.outcomes.reason',
              cell: (r) => (
                <>
                  {r.outcome === 'skipped'
                    ? reason(r)
                    : r.overridden.length > 0
                      ? t('fanOut.outcomes.overridden', {
                          what: r.overridden.map((o) => t(`fanOut.overriddenKind.${o}`)).join('; '),
                        })
                      : t('app.none')}
                  {canOverride && isOverridable(r) && <OfferAnyway view={view} result={r} />}
                </>
              ),
            },
          ]}
        />
      </ListResults>
      <p className="block-link">
        <Link to={`/campaigns/${view.campaignId}`}>{t('fanOut.follow.backToCampaign')}</Link>
      </p>
    </Section>
  );
}
