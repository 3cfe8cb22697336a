import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '@concord/domain';
import { fieldKey, problemValues, type FieldProblem, type Problem } from '../../api/problem';
import { DateInput } from '../../components/date-input';
import { EnumField } from '../../components/enum-field';
import { Field, FieldGroup } from '../../components/field';
import { FieldErrors } from '../../components/messages';
import {
  emptyDeliverable,
  inputIdOf,
  TERM_FIELD_PATHS,
  type DeliverableDraft,
  type TermsDraft,
} from './agreement-form';
import { TextArea, TextField } from '../../components/text-field';

type TermField = keyof typeof TERM_FIELD_PATHS;

/**
 * Field errors in words: the agreements area's own wording for this field and
 * code, then for the code, then the shared wording, then the API's message.
 * The result carries its sentence as `message` (code `worded`), for `Field`.
 */
export function useWordedErrors(): (errors: readonly FieldProblem[], problem?: Problem) => FieldProblem[] {
  const { t } = useTranslation();
  return useCallback(
    (errors, problem) =>
      errors.map((error) => {
        const field = fieldKey(error.path);
        // Keys are built from API codes at run time; unknown ones fall through to the API's words.
        const say = t as unknown as (keys: string[], options: Record<string, unknown>) => string;
        const text = say(
          [
            `agreementsArea.fieldErrors.${field}.${error.code}`,
            `agreementsArea.fieldErrors.${error.code}`,
            `fields.${field}.${error.code}`,
            `fieldError.${error.code}`,
          ],
          { ...(problem ? problemValues(problem) : {}), defaultValue: error.message },
        );
        return { path: error.path, code: 'worded', message: text };
      }),
    [t],
  );
}

/** A form's errors in words (`useWordedErrors`), and those at one path. */
export function useFormErrors(form: { errors: readonly FieldProblem[]; problem?: Problem }) {
  const worded = useWordedErrors();
  const errors = worded(form.errors, form.problem);
  return { errors, at: (path: string) => errors.filter((e) => e.path === path) };
}

/**
 * The terms of an agreement as form fields: title, scope, term, budget,
 * deliverables, disclosure label, usage rights. Used to draft, to edit a
 * draft, and to propose an amendment (`form` keeps the ids apart).
 */
export function TermsFields({
  form,
  draft,
  errorsAt,
  onField,
  onDeliverables,
}: {
  form: string;
  draft: TermsDraft;
  errorsAt: (path: string) => FieldProblem[];
  onField: (field: TermField, value: string) => void;
  onDeliverables: (path: string, change: (rows: DeliverableDraft[]) => DeliverableDraft[]) => void;
}) {
  const { t } = useTranslation();
  const control = (path: string) => ({ id: inputIdOf(form, path), errors: errorsAt(path) });
  const text = (field: TermField) => ({
    value: draft[field],
    onChange: (e: { target: { value: string } }) => onField(field, e.target.value),
  });
  const optional = t('agreementsArea.form.optional');
  return (
    <>
      <TextField {...control('title')} label={t('agreementsArea.form.title')} {...text('title')} />
      <TextArea
        {...control('scope')}
        label={t('agreementsArea.form.scope')}
        hint={t('agreementsArea.form.scopeHint')}
        {...text('scope')}
        rows={4}
      />
      <FieldGroup {...control('term')} legend={t('agreementsArea.form.term')}>
        <div className="field-row">
          <Field {...control('term.start')} label={t('agreementsArea.form.termStart')}>
            {(props) => <DateInput {...props} {...text('termStart')} />}
          </Field>
          <Field {...control('term.end')} label={t('agreementsArea.form.termEnd')}>
            {(props) => <DateInput {...props} {...text('termEnd')} />}
          </Field>
        </div>
      </FieldGroup>
      <TextField
        {...control('budget')}
        label={t('agreementsArea.form.budget')}
        hint={t('agreementsArea.form.budgetHint')}
        inputMode="numeric"
        {...text('budget')}
        size={18}
      />
      <FieldGroup
        {...control('deliverables')}
        legend={t('agreementsArea.form.deliverables')}
        optional={optional}
        hint={t('agreementsArea.form.deliverablesHint')}
      >
        {draft.deliverables.map((row, index) => {
          const n = index + 1;
          const path = (field: string) => `deliverables.${index}${field}`;
          const set = (change: Partial<DeliverableDraft>) =>
            onDeliverables(path(''), (rows) => rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
          return (
            <fieldset key={row.key} className="deliverable-row" id={inputIdOf(form, path(''))}>
              <legend className="visually-hidden">{t('agreementsArea.form.deliverableRow', { n })}</legend>
              <FieldErrors id={`${inputIdOf(form, path(''))}-error`} errors={errorsAt(path(''))} />
              <div className="field-row">
                <EnumField
                  {...control(path('.platform'))}
                  label={t('agreementsArea.form.platform', { n })}
                  values={PLATFORMS}
                  text={(platform) => t(`enums.platform.${platform}`)}
                  value={row.platform}
                  onChange={(platform) => set({ platform })}
                />
                <TextField
                  {...control(path('.quantity'))}
                  label={t('agreementsArea.form.quantity', { n })}
                  inputMode="numeric"
                  value={row.quantity}
                  onChange={(e) => set({ quantity: e.target.value })}
                  size={8}
                />
                {draft.deliverables.length > 1 && (
                  <button
                    type="button"
                    className="button-link-danger"
                    onClick={() => onDeliverables('deliverables', (rows) => rows.filter((_, i) => i !== index))}
                  >
                    {t('agreementsArea.form.removeDeliverable', { n })}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button-secondary"
          onClick={() => onDeliverables('deliverables', (rows) => [...rows, emptyDeliverable()])}
        >
          {t('agreementsArea.form.addDeliverable')}
        </button>
      </FieldGroup>
      <TextField
        {...control('disclosureLabel')}
        label={t('agreementsArea.form.disclosureLabel')}
        hint={t('agreementsArea.form.disclosureLabelHint')}
        {...text('disclosureLabel')}
      />
      <FieldGroup {...control('usageRights')} legend={t('agreementsArea.form.usageRights')} optional={optional}>
        <div className="field-row">
          <TextField
            {...control('usageRights.durationMonths')}
            label={t('agreementsArea.form.usageMonths')}
            inputMode="numeric"
            {...text('usageMonths')}
            size={6}
          />
          <TextField
            {...control('usageRights.channels')}
            label={t('agreementsArea.form.usageChannels')}
            hint={t('agreementsArea.form.usageChannelsHint')}
            {...text('usageChannels')}
            spellCheck={false}
          />
          <TextField
            {...control('usageRights.territories')}
            label={t('agreementsArea.form.usageTerritories')}
            hint={t('agreementsArea.form.usageTerritoriesHint')}
            {...text('usageTerritories')}
            spellCheck={false}
            size={12}
          />
        </div>
      </FieldGroup>
    </>
  );
}
