import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { Submission } from './submission';
import { stageName } from './wording';

/** The submission's status, planned time, the stage it waits at (and until when), its number of versions. */
export function SubmissionFacts({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stage = submission.currentStage;
  return (
    <dl className="facts">
      <div>
        <dt>{t('submission.status')}</dt>
        <dd>
          <span className={`badge badge-${submission.status}`}>{t(`enums.submissionStatus.${submission.status}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('submission.plannedAt')}</dt>
        <dd>{format.dateTime(submission.plannedAt)}</dd>
      </div>
      {stage && (
        <div>
          <dt>{t('submission.stage')}</dt>
          <dd>
            {t('submission.stageOf', {
              n: stage.index + 1,
              total: submission.stages.length,
              key: stageName(t, format.agency, stage.key),
            })}{' '}
            · {t('reviews.due', { date: format.dateTime(stage.dueAt) })}{' '}
            {stage.overdue && <strong className="tag tag-danger">{t('reviews.overdue')}</strong>}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('submission.versions')}</dt>
        <dd>{submission.versions.length}</dd>
      </div>
    </dl>
  );
}
