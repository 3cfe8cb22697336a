import { useTranslation } from 'react-i18next';
import { BRIEF_KINDS, PLATFORMS } from '@concord/domain';
import type { FieldProblem, Problem } from '../../api/problem';
import { DateField } from '../../components/date-input';
import { EnumField } from '../../components/enum-field';
import { FieldGroup } from '../../components/field';
import { Checkboxes } from '../../components/radios';
import type { Form, TextField as TextOf } from '../../lib/use-form';
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
  /** A text field of the form: where it is, what the API said of it, its value. */
  const text = (key: TextOf<BriefDraft>) => ({ ...control(key), ...form.bind(key) });
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
        <TextField {...text('title')} label={t('campaignsArea.briefs.titleLabel')} className="field-wide" />
      </div>
      <TextArea
        {...text('keyMessages')}
        label={t('campaignsArea.briefs.keyMessages')}
        hint={t('campaignsArea.briefs.keyMessagesHint')}
        rows={3}
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
          {...text('languages')}
          label={t('campaignsArea.briefs.languages')}
          hint={t('campaignsArea.briefs.languagesHint')}
          spellCheck={false}
          size={10}
        />
        <DateField {...text('dueAt')} label={t('campaignsArea.briefs.due')} kind="datetime-local" />
        <TextField {...text('quantity')} label={t('campaignsArea.briefs.quantity')} inputMode="numeric" size={5} />
        <TextField
          {...text('feePerDeliverable')}
          label={t('campaignsArea.briefs.fee')}
          hint={t('campaignsArea.briefs.feeHint')}
          inputMode="numeric"
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
          <DateField {...text('windowStart')} label={t('campaignsArea.briefs.windowStart')} kind="datetime-local" />
          <DateField {...text('windowEnd')} label={t('campaignsArea.briefs.windowEnd')} kind="datetime-local" />
        </div>
      </FieldGroup>
    </>
  );
}
