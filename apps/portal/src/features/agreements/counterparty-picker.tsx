import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import type { FieldProblem } from '../../api/problem';
import { Field } from '../../components/field';
import { ProblemAlert } from '../../components/messages';
import { useApi, useDebounced } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { inputIdOf } from './agreement-form';
import { TextField } from '../../components/text-field';

const FORM = 'new-agreement';

/** Finds a registered creator or management company by name or handle, and picks one as the counterparty. */
export function CounterpartyPicker({
  value,
  errors,
  onChange,
}: {
  value: string;
  errors: FieldProblem[];
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 300);
  const [chosen, setChosen] = useState<{ id: string; name: string } | undefined>();
  const found = useApi(
    (signal) => settle(api.GET('/v1/creators', { params: { query: { q: settled || undefined, limit: 20 } }, signal })),
    [api, settled],
  );
  // A counterparty given in the address (from a creator's page) is named once it loads.
  const given = useApi(
    (signal) =>
      value && !chosen
        ? settle(api.GET('/v1/creators/{id}', { params: { path: { id: value } }, signal }))
        : Promise.resolve({ ok: false as const, problem: { code: 'none', detail: '' } }),
    [api, value && !chosen ? value : ''],
  );
  const options = [...(found.data?.items ?? [])].map((c) => ({
    id: c.id,
    name: c.displayName,
    detail: `${t(`agreementsArea.creatorKind.${c.kind}`)} · ${t(`enums.creatorStatus.${c.status}`)}`,
  }));
  const current =
    chosen ?? (given.data && given.data.id === value ? { id: value, name: given.data.displayName } : undefined);
  if (current && !options.some((o) => o.id === current.id))
    options.unshift({ id: current.id, name: current.name, detail: '' });
  return (
    <fieldset className="group" id={`${FORM}-counterparty`}>
      <legend>{t('agreementsArea.form.counterparty')}</legend>
      <div className="field-row">
        <TextField
          id={`${FORM}-counterparty-search`}
          label={t('agreementsArea.form.counterpartySearch')}
          hint={t('agreementsArea.form.counterpartySearchHint')}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          spellCheck={false}
        />
        <Field
          id={inputIdOf(FORM, 'counterpartyId')}
          label={t('agreementsArea.form.counterpartyChoice')}
          errors={errors}
        >
          {(props) => (
            <select
              {...props}
              value={value}
              onChange={(e) => {
                const option = options.find((o) => o.id === e.target.value);
                setChosen(option && { id: option.id, name: option.name });
                onChange(e.target.value);
              }}
            >
              <option value="">
                {found.state === 'loading'
                  ? t('agreementsArea.form.counterpartyLoading')
                  : t('agreementsArea.form.counterpartyNone', { n: options.length })}
              </option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.detail ? `${o.name} (${o.detail})` : o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {found.state === 'error' && <ProblemAlert problem={found.problem} onRetry={found.reload} />}
    </fieldset>
  );
}
