import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import type { FieldProblem, Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { validateDecision, type DecisionKind } from './review';
import type { OnDone, Submission } from './submission';
import { stageName } from './wording';
import { Section } from '../../components/section';
import { Radios } from '../../components/radios';
import { keyed } from '../../lib/idempotency';
import { TextArea } from '../../components/text-field';

/** A refusal said next to the checks, not here: approval refused while checks are failing. */
const CHECKS_FAILING = 'submission.checks_failing';

/**
 * The reviewer's decision on the stage and version looked at: approve, or ask
 * for changes or reject with a reason. A decision someone else took first is
 * said, with a way to read the submission again.
 */
export function DecisionForm({
  submission,
  onDone,
  onChecksFailing,
  reload,
}: {
  submission: Submission;
  onDone: OnDone;
  onChecksFailing: (problem: Problem | undefined) => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const stage = submission.currentStage!;
  const latest = submission.versions[submission.versions.length - 1];
  const form = useForm({
    initial: { decision: undefined as DecisionKind | undefined, reason: '' },
    validate: ({ decision, reason }) => validateDecision(decision, reason),
    request: ({ decision, reason }) => {
      if (!decision) return undefined;
      const body = {
        decision,
        stage: stage.index,
        version: latest.number,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/submissions/{id}/decisions', { params: keyed(key, { id: submission.id }), body })),
      };
    },
    onDone: (_, { decision }) => {
      onDone(t(`review.decided.${decision!}`));
      // The form may go (the review moved on): focus goes to the message that says what happened.
      document.getElementById('submission-notice')?.focus();
    },
    onRefused: (problem) => {
      if (problem?.code !== CHECKS_FAILING) return;
      onChecksFailing(problem);
      // Focus goes where the reason is shown: next to the checks.
      requestAnimationFrame(() => document.getElementById('checks-problem-anchor')?.focus());
    },
  });
  const problem = form.problem?.code === CHECKS_FAILING ? undefined : form.problem;
  const at = (path: string) => form.errors.filter((e) => e.path === path);
  const { decision } = form.values;

  return (
    <Section id="decision-title" title="review.decision.title">
      <p className="hint">
        {t('review.decision.intro', { n: latest.number, stage: stageName(t, format.agency, stage.key) })}
      </p>
      {problem?.code === 'submission.stage_changed' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('review.decision.stageChanged')}</p>
          <button type="button" className="button-secondary" onClick={reload}>
            {t('review.decision.reload')}
          </button>
        </div>
      ) : (
        problem && !form.errors.length && <ProblemAlert problem={problem} />
      )}
      <form
        onSubmit={(e) => {
          onChecksFailing(undefined);
          void form.submit(e);
        }}
        noValidate
        aria-busy={form.busy}
      >
        <fieldset
          className="field"
          id="decision-choice"
          aria-describedby={at('decision').length ? 'decision-choice-error' : undefined}
        >
          <legend className="legend-label">{t('review.decision.legend')}</legend>
          <ErrorLine id="decision-choice-error" errors={at('decision')} />
          <Radios
            name="decision"
            values={['approve', 'request_changes', 'reject'] as const}
            text={(kind) => t(`review.decision.${kind}`)}
            value={decision}
            onChange={(kind) => form.set('decision', kind)}
          />
        </fieldset>
        <TextArea
          id="decision-reason"
          label={t('review.decision.reason')}
          hint={t('review.decision.reasonHint')}
          optional={decision === 'approve' ? t('register.optional') : undefined}
          errors={at('reason')}
          problem={problem}
          rows={3}
          {...form.bind('reason')}
        />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t('review.decision.submit')}
        </button>
      </form>
    </Section>
  );
}

/** The decision's own errors, worded by this area's catalogue. */
function ErrorLine({ id, errors }: { id: string; errors: FieldProblem[] }) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors
        .map((e) => t(`review.errors.${e.code}` as 'review.errors.required', { defaultValue: e.message }))
        .join(' ')}
    </p>
  );
}
