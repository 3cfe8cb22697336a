import { useTranslation } from 'react-i18next';
import { BRIEF_KINDS, PLATFORMS } from '@concord/domain';
import type { FieldProblem, Problem } from '../../api/problem';
import { DateInput } from '../../components/date-input';
import { EnumField } from '../../components/enum-field';
import { Field, FieldGroup } from '../../components/field';
import { Checkboxes } from '../../components/radios';
import type { Form } from '../../lib/use-form';
import { BRIEF_FIELD_PATHS, type BriefDraft } from './brief-form';
import { inputIdOf } from './request-form';
import { TextArea, TextField } from '../../components/text-field';

export const BRIEF_FORM = 'brief';

/** What a brief asks: kind, title, key messages, platforms, languages, due, quantity, fee, and a window. */
export function BriefFields({
  form,
  at,
  problem,
}: {
  form: Form<BriefDraft>;
  at: (path: string) => FieldProblem[];
  problem?: Problem;
}) {
  const { t } = useTranslation();
  const { values } = form;
  const control = (field: keyof BriefDraft) => ({
    id: inputIdOf(BRIEF_FORM, BRIEF_FIELD_PATHS[field]),
    errors: at(BRIEF_FIELD_PATHS[field]),
    problem,
  });
  return (
    <>
      <div className="field-row">
        <EnumField
          {...control('kind')}
          label={t('campaignsArea.briefs.kind')}
          values={BRIEF_KINDS}
          text={(kind) => t(`enums.contentKind.${kind}`)}
          {...form.choose('kind')}
        />
        <TextField
          {...control('title')}
          label={t('campaignsArea.briefs.titleLabel')}
          className="field-wide"
          {...form.bind('title')}
        />
      </div>
      <TextArea
        {...control('keyMessages')}
        label={t('campaignsArea.briefs.keyMessages')}
        hint={t('campaignsArea.briefs.keyMessagesHint')}
        rows={3}
        {...form.bind('keyMessages')}
      />
      <FieldGroup
        id={inputIdOf(BRIEF_FORM, 'platforms')}
        legend={t('campaignsArea.briefs.platforms')}
        errors={at('platforms')}
        problem={problem}
      >
        <Checkboxes
          values={PLATFORMS}
          text={(p) => t(`enums.platform.${p}`)}
          chosen={values.platforms}
          onChange={(platforms) => form.set('platforms', platforms)}
        />
      </FieldGroup>
      <div className="field-row">
        <TextField
          {...control('languages')}
          label={t('campaignsArea.briefs.languages')}
          hint={t('campaignsArea.briefs.languagesHint')}
          {...form.bind('languages')}
          spellCheck={false}
          size={10}
        />
        <Field {...control('dueAt')} label={t('campaignsArea.briefs.due')}>
          {(props) => <DateInput {...props} kind="datetime-local" {...form.bind('dueAt')} />}
        </Field>
        <TextField
          {...control('quantity')}
          label={t('campaignsArea.briefs.quantity')}
          inputMode="numeric"
          {...form.bind('quantity')}
          size={5}
        />
        <TextField
          {...control('feePerDeliverable')}
          label={t('campaignsArea.briefs.fee')}
          hint={t('campaignsArea.briefs.feeHint')}
          inputMode="numeric"
          {...form.bind('feePerDeliverable')}
          size={12}
        />
      </div>
      <FieldGroup
        id={inputIdOf(BRIEF_FORM, 'window')}
        legend={t('campaignsArea.briefs.window')}
        optional={t('register.optional')}
        hint={t('campaignsArea.briefs.windowHint')}
        errors={at('window')}
        problem={problem}
      >
        <div className="field-row">
          <Field {...control('windowStart')} label={t('campaignsArea.briefs.windowStart')}>
            {(props) => <DateInput {...props} kind="datetime-local" {...form.bind('windowStart')} />}
          </Field>
          <Field {...control('windowEnd')} label={t('campaignsArea.briefs.windowEnd')}>
            {(props) => <DateInput {...props} kind="datetime-local" {...form.bind('windowEnd')} />}
          </Field>
        </div>
      </FieldGroup>
    </>
  );
}
