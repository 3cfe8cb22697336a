import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useArrivalState } from '../lib/arrival-state';
import { settle } from '../api/client';
import type { Problem } from '../api/problem';
import { AgreementActions } from '../agreements/agreement-actions';
import {
  DocumentsSection,
  HistorySection,
  MilestonesSection,
  Reviews,
  Signatures,
  useTermWriter,
  VersionsSection,
} from '../agreements/agreement-sections';
import { availableActions, pendingAmendment, termText, type Agreement } from '../agreements/lifecycle';
import { Loading, ProblemAlert, SuccessNotice, useMessage } from '../components/messages';
import { PageHeading } from '../components/page';
import { useFormat } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useApiClient, useSession } from '../session/session';
import { problemMessage } from '../api/problem';

/**
 * One agreement: its facts, the actions its status and the user's role allow,
 * its versions with the diff of each amendment, milestones and payments,
 * documents and history. After each write the agreement is read again; when
 * it moved on meanwhile, the page says so and shows the fresh one.
 */
export default function AgreementPage() {
  const { t } = useTranslation();
  const say = useMessage();
  const { id = '' } = useParams();
  const api = useApiClient();
  const arrival = useArrivalState<{ drafted: boolean }>();
  const loaded = useApi(
    (signal) => settle(api.GET('/v1/agreements/{id}', { params: { path: { id } }, signal })),
    [api, id],
  );
  const [notice, setNotice] = useState<string>(arrival.drafted ? t('agreementsArea.new.done') : '');
  const [stale, setStale] = useState<Problem | undefined>();
  const staleRef = useRef<HTMLDivElement>(null);
  const agreement = loaded.data;

  const onDone = (message: string) => {
    setStale(undefined);
    setNotice(message);
    loaded.reload();
  };
  const onStale = (problem: Problem) => {
    setNotice('');
    setStale(problem);
    loaded.reload();
    requestAnimationFrame(() => staleRef.current?.focus());
  };

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/agreements">{t('agreementsArea.nav')}</Link>
      </p>
      <PageHeading title={agreement ? agreement.number : t('agreementsArea.detail.title')}>
        {agreement
          ? t('agreementsArea.detail.heading', { number: agreement.number, title: agreement.title })
          : t('agreementsArea.detail.title')}
      </PageHeading>
      <SuccessNotice message={notice} />
      <div ref={staleRef} tabIndex={-1} className="summary-anchor">
        {stale && (
          <div className="alert alert-error" role="alert">
            <p>{say(problemMessage(stale))}</p>
            <p>{t('agreementsArea.detail.reloaded')}</p>
          </div>
        )}
      </div>
      {loaded.state === 'loading' && !agreement && <Loading label={t('agreementsArea.detail.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {agreement && <AgreementView agreement={agreement} onDone={onDone} onStale={onStale} />}
    </div>
  );
}

function AgreementView({
  agreement,
  onDone,
  onStale,
}: {
  agreement: Agreement;
  onDone: (message: string) => void;
  onStale: (problem: Problem) => void;
}) {
  const session = useSession();
  // The user acts on their own agency's agreements only (the rules say so: `agencyId` is the agency's).
  const own = session.me?.agency?.id === agreement.agencyId;
  const actions = own ? availableActions(agreement, (action) => session.can(action, 'Agreement')) : [];
  const outcome = { agreement, onDone, onStale };
  return (
    <>
      <Facts agreement={agreement} />
      <AgreementActions {...outcome} actions={actions} />
      <VersionsSection agreement={agreement} />
      <MilestonesSection {...outcome} actions={actions} />
      <DocumentsSection {...outcome} canUpload={actions.includes('upload_document')} />
      <HistorySection agreement={agreement} />
    </>
  );
}

function Facts({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const write = useTermWriter();
  const amendment = pendingAmendment(agreement);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('agreementsArea.detail.status')}</dt>
          <dd>
            <span className={`badge badge-${agreement.status}`}>{t(`enums.agreementStatus.${agreement.status}`)}</span>
            {amendment && (
              <>
                {' '}
                <span className="tag tag-muted">
                  {t('agreementsArea.detail.amendmentPending', {
                    n: amendment.version,
                    status: t(`agreementsArea.versionStatus.${amendment.status}`),
                  })}
                </span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.number')}</dt>
          <dd className="mono">{agreement.number}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.kind')}</dt>
          <dd>{t(`agreementsArea.kind.${agreement.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.counterparty')}</dt>
          <dd>
            <Link to={`/creators/${agreement.counterparty.id}`}>{agreement.counterparty.displayName}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.agency')}</dt>
          <dd>{format.agency(agreement.agencyId)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.term')}</dt>
          <dd>{termText('term', agreement.term, write)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.budget')}</dt>
          <dd>{format.money(agreement.budget)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.deliverables')}</dt>
          <dd>{termText('deliverables', agreement.deliverables, write)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.disclosureLabel')}</dt>
          <dd>
            <span className="label-chip">{agreement.disclosureLabel}</span>
          </dd>
        </div>
        <div>
          <dt>{t('agreementsArea.term.usageRights')}</dt>
          <dd>{termText('usageRights', agreement.usageRights, write)}</dd>
        </div>
        <div>
          <dt>{t('agreementsArea.detail.version')}</dt>
          <dd>{agreement.version}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="scope-title">
        <h2 id="scope-title">{t('agreementsArea.term.scope')}</h2>
        <div className="content-text">{agreement.scope}</div>
        {agreement.legalReviews.length > 0 && (
          <>
            <h3>{t('agreementsArea.detail.legalReviews')}</h3>
            <Reviews reviews={agreement.legalReviews} />
          </>
        )}
        {agreement.signatures.length > 0 && (
          <>
            <h3>{t('agreementsArea.detail.signatures')}</h3>
            <Signatures signatures={agreement.signatures} />
          </>
        )}
      </section>
    </>
  );
}
