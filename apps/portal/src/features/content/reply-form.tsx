import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { ProblemAlert } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { requireText, useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { addedReply, replyVisibility } from './comment-thread';
import type { Comment, Submission } from './submission';
import { keyed } from '../../lib/idempotency';
import { TextArea } from '../../components/text-field';

/** A reply under a comment: seen by the same people as the comment; what was typed stays on an error. */
export function ReplyForm({
  id,
  submission,
  parent,
  asCreator,
  onCancel,
  onSent,
}: {
  id: string;
  submission: Submission;
  parent: Comment;
  asCreator: boolean;
  onCancel: () => void;
  onSent: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const visibility = replyVisibility(parent, asCreator);
  const bodyId = `${id}-body`;
  const form = useForm({
    initial: { body: '' },
    validate: requireText('body'),
    request: ({ body }) => {
      const request = { body: body.trim(), version: parent.version, parentId: parent.id, visibility };
      return {
        body: request,
        send: (key) =>
          settle(
            api.POST('/v1/submissions/{id}/comments', { params: keyed(key, { id: submission.id }), body: request }),
          ),
      };
    },
    onDone: (view) => onSent(addedReply(submission.comments, view.comments, parent.id)?.id),
    onRefused: () => document.getElementById(bodyId)?.focus(),
  });
  const bodyErrors = form.errors.filter((e) => e.path === 'body');
  const otherErrors = form.errors.filter((e) => e.path !== 'body');

  return (
    <form
      id={id}
      className="inline-form reply-form"
      onSubmit={(e) => void form.submit(e)}
      noValidate
      aria-busy={form.busy}
      aria-label={t('review.comment.replyTo', { by: parent.by, at: format.dateTime(parent.at) })}
    >
      {form.problem && !form.errors.length && <ProblemAlert problem={form.problem} />}
      {otherErrors.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>
            {otherErrors
              .map((e) =>
                t(`review.comment.errors.${e.code}` as 'review.comment.errors.unknown_comment', {
                  defaultValue: e.message,
                }),
              )
              .join(' ')}
          </p>
        </div>
      )}
      <TextArea
        id={bodyId}
        label={t('review.comment.replyBody')}
        hint={t('review.comment.replySeenBy', { who: t(`review.comment.${visibility}`) })}
        errors={bodyErrors}
        problem={form.problem}
        rows={2}
        {...form.bind('body')}
        autoFocus
      />
      <div className="reply-actions">
        <button type="submit" className="button-secondary" disabled={form.busy}>
          {t('review.comment.replySubmit')}
        </button>
        <button type="button" className="button-link-plain" onClick={onCancel}>
          {t('review.comment.replyCancel')}
        </button>
      </div>
    </form>
  );
}
