import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArrivalState } from '../../lib/arrival-state';
import { settle } from '../../api/client';
import type { Problem } from '../../api/problem';
import { AgreementActions } from './agreement-actions';
import { AgreementFacts } from './agreement-facts';
import { DocumentsSection } from './documents-section';
import { HistorySection } from './history-section';
import { availableActions, type Agreement } from './lifecycle';
import { MilestonesSection } from './milestones-section';
import { VersionsSection } from './versions-section';
import { useMessage } from '../../components/messages';
import { RecordPage } from '../../components/record-page';
import { useRecordPage } from '../../lib/use-record-page';
import { useSession } from '../../session/session';
import { problemMessage } from '../../api/problem';

/**
 * One agreement: its facts, the actions its status and the user's role allow,
 * its versions with the diff of each amendment, milestones and payments,
 * documents and history. After each write the agreement is read again; when
 * it moved on meanwhile, the page says so and shows the fresh one.
 */
export default function AgreementPage() {
  const { t } = useTranslation();
  const say = useMessage();
  const arrival = useArrivalState<{ drafted: boolean }>();
  const { loaded, notice, setNotice, done } = useRecordPage(
    (api, id, signal) => settle(api.GET('/v1/agreements/{id}', { params: { path: { id } }, signal })),
    arrival.drafted ? t('agreementsArea.new.done') : '',
  );
  const [stale, setStale] = useState<Problem | undefined>();
  const staleRef = useRef<HTMLDivElement>(null);
  const agreement = loaded.data;

  const onDone = (message: string) => {
    setStale(undefined);
    done(message);
  };
  const onStale = (problem: Problem) => {
    setNotice('');
    setStale(problem);
    loaded.reload();
    requestAnimationFrame(() => staleRef.current?.focus());
  };

  return (
    <RecordPage
      back={{ to: '/agreements', label: t('agreementsArea.nav') }}
      title={agreement ? agreement.number : t('agreementsArea.detail.title')}
      heading={
        agreement
          ? t('agreementsArea.detail.heading', { number: agreement.number, title: agreement.title })
          : t('agreementsArea.detail.title')
      }
      notice={notice}
      alerts={
        <div ref={staleRef} tabIndex={-1} className="summary-anchor">
          {stale && (
            <div className="alert alert-error" role="alert">
              <p>{say(problemMessage(stale))}</p>
              <p>{t('agreementsArea.detail.reloaded')}</p>
            </div>
          )}
        </div>
      }
      loaded={loaded}
      loadingLabel={t('agreementsArea.detail.loading')}
    >
      {agreement && <AgreementView agreement={agreement} onDone={onDone} onStale={onStale} />}
    </RecordPage>
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
      <AgreementFacts agreement={agreement} />
      <AgreementActions {...outcome} actions={actions} />
      <VersionsSection agreement={agreement} />
      <MilestonesSection {...outcome} actions={actions} />
      <DocumentsSection {...outcome} canUpload={actions.includes('upload_document')} />
      <HistorySection agreement={agreement} />
    </>
  );
}
