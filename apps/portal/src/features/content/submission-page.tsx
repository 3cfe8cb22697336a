import { useState } from 'react';
import { mayDecide, type ReviewerRole } from '@concord/domain';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import type { Problem } from '../../api/problem';
import { RecordPage } from '../../components/record-page';
import { useArrivalState } from '../../lib/arrival-state';
import { useFormat } from '../../lib/format';
import { useRecordPage } from '../../lib/use-record-page';
import { actorOf, reviews } from '../../session/ability';
import { useSession } from '../../session/session';
import { ChecksPanel } from './checks-panel';
import { CommentForm } from './comment-form';
import { Comments } from './comments';
import { CreatorActions } from './creator-actions';
import { CurrentVersion } from './current-version';
import { DecisionForm } from './decision-form';
import { DiffPanel } from './diff-panel';
import type { TextRange } from './review';
import type { OnDone, Submission } from './submission';
import { SubmissionFacts } from './submission-facts';
import { Decisions, EarlierVersions } from './submission-record';

/**
 * One submission: its versions with their automatic checks, comments and
 * decisions. Reviewers comment, compare versions and decide; the creator
 * sends a new version, withdraws, records the publication and its reach.
 */
export default function SubmissionPage() {
  const { t } = useTranslation();
  const arrival = useArrivalState<{ submitted: boolean }>();
  const { loaded, notice, done } = useRecordPage(
    (api, id, signal) => settle(api.GET('/v1/submissions/{id}', { params: { path: { id } }, signal })),
    arrival.submitted ? t('submission.submitted') : '',
  );
  const submission = loaded.data;
  return (
    <RecordPage
      back={{ to: '/', label: t('nav.home') }}
      title={t('submission.title')}
      heading={
        submission
          ? t('submission.heading', {
              creator: submission.creatorName,
              platform: t(`enums.platform.${submission.platform}`),
              kind: t(`enums.contentKind.${submission.kind}`),
            })
          : t('submission.title')
      }
      notice={notice}
      noticeId="submission-notice"
      loaded={loaded}
    >
      {submission && <SubmissionView submission={submission} onDone={done} reload={loaded.reload} />}
    </RecordPage>
  );
}

function SubmissionView({
  submission,
  onDone,
  reload,
}: {
  submission: Submission;
  onDone: OnDone;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const me = session.me!;
  const latest = submission.versions[submission.versions.length - 1];
  const isCreator = me.creator?.id === submission.creatorId;
  const isReviewer = reviews(me) && submission.status === 'in_review' && submission.currentStage !== null;
  const stage = submission.currentStage;
  // Who decides a stage is the domain's rule, the same the approvals service applies.
  const canDecide =
    isReviewer &&
    stage !== null &&
    mayDecide({ ...stage, role: stage.role as ReviewerRole }, actorOf(me), submission.submittedBy);
  const [range, setRange] = useState<TextRange | undefined>();
  const [checksProblem, setChecksProblem] = useState<Problem | undefined>();

  return (
    <>
      <SubmissionFacts submission={submission} />

      <div className="review-grid">
        <CurrentVersion latest={latest} isReviewer={isReviewer} onRange={setRange} />
        <ChecksPanel version={latest} submission={submission} problem={checksProblem} onDone={onDone} />
      </div>

      {submission.versions.length > 1 && <DiffPanel submission={submission} />}

      {isReviewer && stage && (
        <div className="review-grid">
          {canDecide ? (
            <DecisionForm
              key={`${stage.index}-${latest.number}`}
              submission={submission}
              onDone={onDone}
              onChecksFailing={setChecksProblem}
              reload={reload}
            />
          ) : (
            <p className="hint" id="decided-by">
              {t('review.decision.notYours', {
                agency: format.agency(stage.agencyId),
                role: t(`roles.${stage.role}` as 'roles.admin'),
              })}
            </p>
          )}
          <CommentForm
            submission={submission}
            version={latest}
            range={range}
            onClearRange={() => setRange(undefined)}
            onDone={onDone}
          />
        </div>
      )}

      {isCreator && <CreatorActions submission={submission} latest={latest} onDone={onDone} />}

      <Comments submission={submission} onDone={onDone} />
      <Decisions submission={submission} />
      {submission.versions.length > 1 && <EarlierVersions submission={submission} />}
    </>
  );
}
