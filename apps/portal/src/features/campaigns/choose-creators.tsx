import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle, type Result, type Schemas } from '../../api/client';
import type { FieldProblem, Problem } from '../../api/problem';
import { Field, FieldGroup } from '../../components/field';
import { ProblemAlert } from '../../components/messages';
import { useFormat } from '../../lib/format';
import { useApi, useDebounced } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import type { FanOutDraft } from './fan-out';
import { inputIdOf } from './request-form';
import { TextField } from '../../components/text-field';

type Creator = Schemas['CreatorPage']['items'][number];
const FORM = 'fan-out';

/** Creators chosen by name or handle from the registry, with the override of capacity and calendar checks. */
export function ChooseCreators({
  draft,
  errors,
  overrideErrors,
  problem,
  onChange,
  onOverride,
}: {
  draft: FanOutDraft;
  errors: FieldProblem[];
  overrideErrors: FieldProblem[];
  problem?: Problem;
  onChange: (creators: FanOutDraft['creators']) => void;
  onOverride: (override: boolean, reason: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const format = useFormat();
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim(), 300);
  const found = useApi(
    (signal): Promise<Result<Schemas['CreatorPage']>> =>
      settled
        ? settle(api.GET('/v1/creators', { params: { query: { q: settled, status: 'active', limit: 10 } }, signal }))
        : Promise.resolve({
            ok: true,
            data: { items: [], nextCursor: null },
            response: undefined as unknown as Response,
          }),
    [api, settled],
  );
  const chosen = new Set(draft.creators.map((c) => c.id));
  const choose = (creator: Creator) => onChange([...draft.creators, { id: creator.id, name: creator.displayName }]);
  const results = (found.data?.items ?? []).filter((c) => !chosen.has(c.id));
  return (
    <FieldGroup
      id={inputIdOf(FORM, 'creatorIds')}
      legend={t('fanOut.start.creatorsLegend')}
      errors={errors}
      problem={problem}
    >
      <TextField
        id="fan-out-search"
        label={t('fanOut.start.search')}
        hint={t('fanOut.start.searchHint')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        spellCheck={false}
      />
      <div aria-live="polite" aria-busy={found.state === 'loading'}>
        {found.state === 'error' && <ProblemAlert problem={found.problem} onRetry={found.reload} />}
        {settled && found.state === 'ok' && results.length === 0 && (
          <p className="empty">{t('fanOut.start.noneFound')}</p>
        )}
        {results.length > 0 && (
          <ul className="work-list" aria-label={t('fanOut.start.found')}>
            {results.map((c) => (
              <li key={c.id}>
                <span className="work-title">{c.displayName}</span>
                <span className="work-meta">
                  {c.channels.map((ch) => `${t(`enums.platform.${ch.platform}`)} @${ch.handle}`).join(', ')} ·{' '}
                  {t('fanOut.start.followers', { count: c.totalFollowers, formatted: format.number(c.totalFollowers) })}
                </span>
                <button type="button" className="button-secondary" onClick={() => choose(c)}>
                  {t('fanOut.start.choose', { name: c.displayName })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <h3>{t('fanOut.start.chosen', { n: draft.creators.length })}</h3>
      {draft.creators.length === 0 ? (
        <p className="empty">{t('fanOut.start.noneChosen')}</p>
      ) : (
        <ul className="work-list" aria-label={t('fanOut.start.chosenList')}>
          {draft.creators.map((c) => (
            <li key={c.id}>
              <span className="work-title">{c.name}</span>
              <button
                type="button"
                className="button-link-danger"
                onClick={() => onChange(draft.creators.filter((x) => x.id !== c.id))}
              >
                {t('fanOut.start.remove', { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field" id={inputIdOf(FORM, 'overrides')}>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.override}
            onChange={(e) => onOverride(e.target.checked, draft.overrideReason)}
          />
          {t('fanOut.start.override')}
        </label>
        <p className="hint">{t('fanOut.start.overrideHint')}</p>
      </div>
      {draft.override && (
        <Field
          id="fan-out-override-reason"
          label={t('fanOut.start.overrideReason')}
          errors={overrideErrors}
          problem={problem}
        >
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={draft.overrideReason}
              onChange={(e) => onOverride(true, e.target.value)}
            />
          )}
        </Field>
      )}
    </FieldGroup>
  );
}
