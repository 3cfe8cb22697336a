import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { settle, type Schemas } from '../../api/client';
import { Field } from '../../components/field';
import { ProblemAlert } from '../../components/messages';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { sideBySide } from './review';
import type { Submission } from './submission';
import { Section } from '../../components/section';

/** Two versions compared side by side, the words removed and added marked. */
export function DiffPanel({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const numbers = submission.versions.map((v) => v.number);
  const [to, setTo] = useState(numbers[numbers.length - 1]);
  const [from, setFrom] = useState(numbers[numbers.length - 2]);
  const loaded = useApi(
    (signal) =>
      settle(
        api.GET('/v1/submissions/{id}/diff', { params: { path: { id: submission.id }, query: { from, to } }, signal }),
      ),
    [api, submission.id, from, to, submission.version],
  );
  const pick = (id: string, label: string, value: number, set: (n: number) => void) => (
    <Field id={id} label={label}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => set(Number(e.target.value))}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              {t('submission.version', { n })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const parts = (segments: Schemas['DiffView']['text']) =>
    segments.map((segment, i) =>
      segment.op === 'insert' ? (
        <ins key={i}>{segment.text}</ins>
      ) : segment.op === 'delete' ? (
        <del key={i}>{segment.text}</del>
      ) : (
        <span key={i}>{segment.text}</span>
      ),
    );
  return (
    <Section id="diff-title" title="review.diff.title" busy={loaded.state === 'loading'}>
      <div className="field-row">
        {pick('diff-from', t('review.diff.from'), from, setFrom)}
        {pick('diff-to', t('review.diff.to'), to, setTo)}
      </div>
      <p className="hint">{t('review.diff.legend')}</p>
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.data && <SideBySide diff={loaded.data} from={from} to={to} parts={parts} />}
    </Section>
  );
}

/** The earlier version on the left with its removals marked, the later one on the right with its additions. */
function SideBySide({
  diff,
  from,
  to,
  parts,
}: {
  diff: Schemas['DiffView'];
  from: number;
  to: number;
  parts: (segments: Schemas['DiffView']['text']) => ReactNode;
}) {
  const { t } = useTranslation();
  const text = sideBySide(diff.text);
  const title = sideBySide(diff.title);
  const titleChanged = diff.title.some((s) => s.op !== 'equal');
  const column = (side: 'before' | 'after', n: number) => (
    <div className="diff-column" role="group" aria-label={t(`review.diff.${side}`, { n })}>
      <h3 className="diff-column-title">{t(`review.diff.${side}`, { n })}</h3>
      {titleChanged && <p className="diff diff-title">{parts(title[side])}</p>}
      <div className="content-text diff">{parts(text[side])}</div>
    </div>
  );
  return (
    <div className="diff-columns">
      {column('before', from)}
      {column('after', to)}
    </div>
  );
}
