import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { selectedRange, type TextRange } from './review';
import type { Version } from './submission';

/**
 * The version under review: its text (a reviewer selects a passage in it to
 * comment on, by mouse or keyboard) and its media.
 */
export function CurrentVersion({
  latest,
  isReviewer,
  onRange,
}: {
  latest: Version;
  isReviewer: boolean;
  onRange: (range: TextRange | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const pickRange = (event: SyntheticEvent<HTMLTextAreaElement>) =>
    onRange(selectedRange(event.currentTarget.selectionStart, event.currentTarget.selectionEnd, latest.text.length));
  const [nothingSelected, setNothingSelected] = useState(false);
  // For keyboard users: the words selected in the text (Shift + arrows) become the comment's passage, and focus goes to the comment.
  const takeSelection = () => {
    const text = document.getElementById('current-text') as HTMLTextAreaElement | null;
    const picked = selectedRange(text?.selectionStart, text?.selectionEnd, latest.text.length);
    setNothingSelected(!picked);
    if (!picked) return;
    onRange(picked);
    document.getElementById('comment-body')?.focus();
  };
  return (
    <section className="section" aria-labelledby="version-title">
      <h2 id="version-title">{t('submission.version', { n: latest.number })}</h2>
      <p className="work-meta">{t('submission.sentAt', { date: format.dateTime(latest.submittedAt) })}</p>
      {latest.title && <h3>{latest.title}</h3>}
      {isReviewer ? (
        <>
          <label htmlFor="current-text" className="hint">
            {t('review.selectHint')}
          </label>
          <textarea
            id="current-text"
            className="content-text"
            readOnly
            rows={Math.min(16, Math.max(5, latest.text.split('\n').length + 2))}
            value={latest.text}
            onSelect={pickRange}
            onMouseUp={pickRange}
            onKeyUp={pickRange}
          />
          <p className="reply-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={takeSelection}
              aria-describedby={nothingSelected ? 'take-selection-hint' : undefined}
            >
              {t('review.comment.takeSelection')}
            </button>
            <span id="take-selection-hint" className="hint" aria-live="polite">
              {nothingSelected ? t('review.comment.nothingSelected') : ''}
            </span>
          </p>
        </>
      ) : (
        <div className="content-text" id="current-text">
          {latest.text}
        </div>
      )}
      {latest.media.length > 0 && (
        <ul className="media-list">
          {latest.media.map((m) => (
            <li key={m.url}>
              <a href={m.url} rel="noreferrer" target="_blank">
                {m.url}
              </a>{' '}
              <span className="work-meta">
                {m.mimeType} · {format.number(m.sizeBytes)} B · <span className="mono">{m.sha256.slice(0, 12)}…</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
