import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { type Problem } from '../../api/problem';
import { EnumField } from '../../components/enum-field';
import { ProblemAlert } from '../../components/messages';
import { requireText, useForm } from '../../lib/use-form';
import { useApiClient, useSession } from '../../session/session';
import type { CheckName, OnDone, Submission, Version } from './submission';
import { checkFindingText } from './wording';
import { keyed } from '../../lib/idempotency';
import { TextArea } from '../../components/text-field';

/** A version's automatic checks, each passed, failed or overridden, with its finding in words. */
export function CheckList({ version, platform }: { version: Version; platform: string }) {
  const { t } = useTranslation();
  return (
    <ul className="check-list">
      {version.checks.map((check) => {
        const override = version.overrides.find((o) => o.check === check.check);
        const state = check.passed ? 'passed' : override ? 'overridden' : 'failed';
        return (
          <li key={check.check} className={`check check-${state}`}>
            <span className="check-mark" aria-hidden="true">
              {state === 'passed' ? '✓' : state === 'overridden' ? '!' : '✗'}
            </span>
            <span>
              <strong>{t(`enums.check.${check.check}`)}</strong> — {t(`submission.check.${state}`)}
              <span className="work-meta">
                {' '}
                · {checkFindingText(t, check, { platform, mediaCount: version.media.length })}
              </span>
              {override && (
                <span className="work-meta">
                  {' '}
                  · {t('submission.check.overrideBy', { by: override.by, reason: override.reason })}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The checks of the version under review, why approval was refused if it was, and the override of a failing one. */
export function ChecksPanel({
  version,
  submission,
  problem,
  onDone,
}: {
  version: Version;
  submission: Submission;
  problem?: Problem;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const canOverride = session.can('override', 'Submission') && submission.status === 'in_review';
  const failing = version.checks.filter((c) => !c.passed && !version.overrides.some((o) => o.check === c.check));
  return (
    <section className="section" aria-labelledby="checks-title" id="checks">
      <h2 id="checks-title">{t('submission.checks')}</h2>
      <div id="checks-problem-anchor" tabIndex={-1} className="summary-anchor">
        {problem && <ProblemAlert problem={problem} id="checks-problem" />}
      </div>
      <CheckList version={version} platform={submission.platform} />
      {canOverride && failing.length > 0 && (
        <OverrideForm
          key={failing.map((c) => c.check).join()}
          submission={submission}
          failing={failing.map((c) => c.check)}
          onDone={onDone}
        />
      )}
    </section>
  );
}

/** The legal officer overrides a failing check, with a reason. */
function OverrideForm({
  submission,
  failing,
  onDone,
}: {
  submission: Submission;
  failing: CheckName[];
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const form = useForm({
    initial: () => ({ check: failing[0], reason: '' }),
    validate: requireText('reason', 'reason_required'),
    request: ({ check, reason }) => {
      const body = { check, reason: reason.trim() };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/submissions/{id}/overrides', { params: keyed(key, { id: submission.id }), body })),
      };
    },
    afterDone: (values) => ({ ...values, reason: '' }),
    onDone: (_, { check }) => onDone(t('review.overridden', { check: t(`enums.check.${check}`) })),
  });
  const own = form.errors.filter((e) => e.path === 'reason');
  return (
    <form className="inline-form" onSubmit={(e) => void form.submit(e)} noValidate>
      <h3>{t('review.override.title')}</h3>
      {form.problem && !own.length && <ProblemAlert problem={form.problem} />}
      <EnumField
        id="override-check"
        label={t('review.override.check')}
        values={failing}
        text={(check) => t(`enums.check.${check}`)}
        {...form.choose('check')}
      />
      <TextArea
        id="override-reason"
        label={t('review.override.reason')}
        errors={own}
        rows={2}
        {...form.bind('reason')}
      />
      <button type="submit" className="button-secondary" disabled={form.busy}>
        {t('review.override.submit')}
      </button>
    </form>
  );
}
