import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api/client';
import { DataTable } from '../../components/data-table';
import { Facts } from '../../components/facts';
import { LoadState } from '../../components/messages';
import { Section } from '../../components/section';
import { Pager } from '../../components/pager';
import { SelectFilter } from './select-filter';
import { useFormat } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useCursorPages } from '../../lib/use-cursor-pages';
import { useApiClient, useSession } from '../../session/session';
import {
  isOverridable,
  outcomeQuery,
  skipSummary,
  type FanOutResult,
  type FanOutView,
  type OutcomeFilter,
} from './fan-out';
import { OfferAnyway } from './offer-anyway';

const RESULTS_PAGE = 200;

/** Each creator's outcome, a page at a time, filtered by outcome or skip reason, with the reasons counted. */
export function FanOutOutcomes({ view }: { view: FanOutView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const session = useSession();
  const [filter, setFilter] = useState<OutcomeFilter>('all');
  const pages = useCursorPages();
  const loaded = useApi(
    (signal) =>
      settle(
        api.GET('/v1/fan-outs/{id}', {
          params: {
            path: { id: view.id },
            query: { ...outcomeQuery(filter), limit: RESULTS_PAGE, cursor: pages.cursor },
          },
          signal,
        }),
      ),
    [api, view.id, filter, pages.cursor],
  );
  const reasons = skipSummary(view);
  const canOverride = session.can('update', 'Assignment');
  const results = loaded.data?.results ?? [];
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

      <LoadState loaded={loaded} />
      {loaded.state === 'ok' && results.length === 0 && <p className="empty">{t('fanOut.outcomes.empty')}</p>}
      {results.length > 0 && (
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
                <span className={`badge badge-${r.outcome === 'offered' ? 'offered' : 'declined'}`}>
                  {t(`fanOut.outcomes.outcome_${r.outcome}`)}
                </span>
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
      )}
      <Pager label={t('fanOut.outcomes.pagination')} pages={pages} loaded={loaded} />
      <p className="block-link">
        <Link to={`/campaigns/${view.campaignId}`}>{t('fanOut.follow.backToCampaign')}</Link>
      </p>
    </Section>
  );
}
