import { useTranslation } from 'react-i18next';
import { Facts } from '../../components/facts';
import { useFormat } from '../../lib/format';
import type { Submission } from './submission';
import { stageName } from './wording';
import { StatusBadge } from '../../components/status-badge';

/** The submission's status, planned time, the stage it waits at (and until when), its number of versions. */
export function SubmissionFacts({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stage = submission.currentStage;
  return (
    <Facts
      facts={[
        {
          label: 'submission.status',
          value: <StatusBadge of={submission.status}>{t(`enums.submissionStatus.${submission.status}`)}</StatusBadge>,
        },
        { label: 'submission.plannedAt', value: format.dateTime(submission.plannedAt) },
        stage && {
          label: 'submission.stage',
          value: (
            <>
              {t('submission.stageOf', {
                n: stage.index + 1,
                total: submission.stages.length,
                key: stageName(t, format.agency, stage.key),
              })}{' '}
              · {t('reviews.due', { date: format.dateTime(stage.dueAt) })}{' '}
              {stage.overdue && <strong className="tag tag-danger">{t('reviews.overdue')}</strong>}
            </>
          ),
        },
        { label: 'submission.versions', value: submission.versions.length },
      ]}
    />
  );
}
