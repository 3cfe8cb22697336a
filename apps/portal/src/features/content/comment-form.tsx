import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { ProblemAlert } from '../../components/messages';
import { requireText, useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { quoteOf, type TextRange } from './review';
import type { OnDone, Submission, Version } from './submission';
import { Section } from '../../components/section';
import { Radios } from '../../components/radios';
import { keyed } from '../../lib/idempotency';
import { TextArea } from '../../components/text-field';

type Visibility = 'creator' | 'internal';

/** A reviewer's comment on the version, or on a passage of it, to the creator or internal. */
export function CommentForm({
  submission,
  version,
  range,
  onClearRange,
  onDone,
}: {
  submission: Submission;
  version: Version;
  range?: TextRange;
  onClearRange: () => void;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const form = useForm({
    initial: { body: '', visibility: 'creator' as Visibility },
    validate: requireText('body'),
    request: ({ body, visibility }) => {
      const request = { body: body.trim(), version: version.number, visibility, ...(range ? { range } : {}) };
      return {
        body: request,
        send: (key) =>
          settle(
            api.POST('/v1/submissions/{id}/comments', { params: keyed(key, { id: submission.id }), body: request }),
          ),
      };
    },
    // The visibility chosen stays for the next comment.
    afterDone: (values) => ({ ...values, body: '' }),
    onDone: () => {
      onClearRange();
      onDone(t('review.comment.sent'));
    },
  });
  const { problem } = form;
  const errors = form.errors.filter((e) => e.path === 'body');

  return (
    <Section id="comment-title" title="review.comment.title">
      {problem && !errors.length && <ProblemAlert problem={problem} />}
      <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={form.busy}>
        <p className="hint" aria-live="polite">
          {range ? (
            <>
              {t('review.comment.on')} <q>{quoteOf(version.text, range)}</q>{' '}
              <button type="button" className="button-link-plain" onClick={onClearRange}>
                {t('review.comment.wholeText')}
              </button>
            </>
          ) : (
            t('review.comment.noRange')
          )}
        </p>
        <TextArea
          id="comment-body"
          label={t('review.comment.body')}
          errors={errors}
          problem={problem}
          rows={3}
          {...form.bind('body')}
        />
        <fieldset className="field">
          <legend className="legend-label">{t('review.comment.visibility')}</legend>
          <Radios
            name="visibility"
            values={['creator', 'internal'] as const}
            text={(v) => t(`review.comment.${v}`)}
            {...form.choose('visibility')}
          />
        </fieldset>
        <button type="submit" className="button-secondary" disabled={form.busy}>
          {t('review.comment.submit')}
        </button>
      </form>
    </Section>
  );
}
