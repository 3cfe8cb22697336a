import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/session';
import { canReply, threadComments, writesAsCreator, type Thread } from './comment-thread';
import { ReplyForm } from './reply-form';
import { quoteOf } from './review';
import type { Comment, OnDone, Submission } from './submission';
import { Section } from '../../components/section';

/** The comments, threaded: each with its passage quoted, and a reply where the reader may answer. */
export function Comments({ submission, onDone }: { submission: Submission; onDone: OnDone }) {
  const { t } = useTranslation();
  const session = useSession();
  const asCreator = writesAsCreator(session.me!);
  const threads = useMemo(() => threadComments(submission.comments), [submission.comments]);
  // After a reply is sent the page reloads; focus goes to the reply once it is shown.
  const [focusId, setFocusId] = useState<string | undefined>();
  useEffect(() => {
    if (!focusId) return;
    const shown = document.getElementById(`comment-${focusId}`);
    if (shown) {
      shown.focus();
      setFocusId(undefined);
    }
  }, [focusId, submission.comments]);
  const replied = (id: string) => {
    setFocusId(id);
    onDone(t('review.comment.replySent'));
  };
  return (
    <Section id="comments-title" title="submission.comments">
      {submission.comments.length === 0 && <p className="empty">{t('submission.noComments')}</p>}
      <ul className="work-list comment-list">
        <CommentItems threads={threads} depth={0} submission={submission} asCreator={asCreator} onReplied={replied} />
      </ul>
    </Section>
  );
}

/** One comment, its reply form when opened, and its replies below it. */
/** What every comment of the list needs: the submission, who reads, and what to do once a reply is sent. */
interface ThreadContext {
  submission: Submission;
  asCreator: boolean;
  onReplied: (id: string) => void;
}

/** Comments as items of their list, each with its replies below it, `depth` levels down. */
function CommentItems({ threads, depth, ...context }: ThreadContext & { threads: Thread<Comment>[]; depth: number }) {
  return threads.map((thread) => <CommentItem key={thread.comment.id} thread={thread} depth={depth} {...context} />);
}

function CommentItem({ thread, depth, ...context }: ThreadContext & { thread: Thread<Comment>; depth: number }) {
  const { submission, asCreator, onReplied } = context;
  const { t } = useTranslation();
  const format = useFormat();
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const { comment, replies } = thread;
  const textOf = (n: number) => submission.versions.find((v) => v.number === n)?.text ?? '';
  const formId = `reply-${comment.id}`;
  return (
    <li id={`comment-${comment.id}`} tabIndex={-1} className="comment">
      <span className="work-meta">
        {comment.by} · {format.dateTime(comment.at)}
        {depth === 0 && <> · {t('submission.version', { n: comment.version })}</>}
        {comment.visibility === 'internal' && (
          <>
            {' '}
            <span className="tag tag-muted">{t('review.comment.internal')}</span>
          </>
        )}
      </span>
      {comment.range && <q className="quote">{quoteOf(textOf(comment.version), comment.range)}</q>}
      <span className="comment-body">{comment.body}</span>
      {canReply(comment, asCreator) && (
        <div className="comment-actions">
          <button
            ref={replyButton}
            type="button"
            className="button-link-plain"
            aria-expanded={replying}
            aria-controls={replying ? formId : undefined}
            aria-label={t('review.comment.replyTo', { by: comment.by, at: format.dateTime(comment.at) })}
            onClick={() => (replying ? document.getElementById(`${formId}-body`)?.focus() : setReplying(true))}
          >
            {t('review.comment.reply')}
          </button>
        </div>
      )}
      {replying && (
        <ReplyForm
          id={formId}
          submission={submission}
          parent={comment}
          asCreator={asCreator}
          onCancel={() => {
            setReplying(false);
            replyButton.current?.focus();
          }}
          onSent={(id) => {
            setReplying(false);
            onReplied(id ?? comment.id);
          }}
        />
      )}
      {replies.length > 0 && (
        <ul className="comment-replies" aria-label={t('review.comment.replies', { by: comment.by })}>
          <CommentItems threads={replies} depth={depth + 1} {...context} />
        </ul>
      )}
    </li>
  );
}

/** A reply under a comment: seen by the same people as the comment; what was typed stays on an error. */
