import { useTranslation } from 'react-i18next';
import { AGENCIES } from '@concord/domain';
import type { FieldProblem, Problem } from '../../api/problem';
import { EnumField } from '../../components/enum-field';
import { Field, FieldGroup } from '../../components/field';
import { useFormat } from '../../lib/format';
import type { Form, TextField as TextOf } from '../../lib/use-form';
import { inputIdOf, REQUEST_FIELD_PATHS, type RequestDraft } from './request-form';
import { TextArea, TextField } from '../../components/text-field';

export const REQUEST_FORM = 'request';
const LEAD_AGENCIES = AGENCIES.filter((a) => a.kind === 'lead').map((a) => a.id);

/** What a joint campaign request asks: to whom, title, objective, key messages, period, deliverables, deadline. */
export function RequestFields({
  form,
  errorsAt,
  problem,
}: {
  form: Form<RequestDraft>;
  errorsAt: (path: string) => FieldProblem[];
  problem?: Problem;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const FORM = REQUEST_FORM;
  const control = (key: keyof RequestDraft) => {
    const path = REQUEST_FIELD_PATHS[key];
    return { id: inputIdOf(FORM, path), errors: errorsAt(path), problem };
  };
  /** A text field of the form: where it is, what the API said of it, its value. */
  const text = (key: TextOf<RequestDraft>) => ({ ...control(key), ...form.bind(key) });
  return (
    <>
      <EnumField
        {...control('toAgencyId')}
        label={t('requests.form.toAgency')}
        values={LEAD_AGENCIES}
        text={format.agency}
        {...form.choose('toAgencyId')}
      />
      <TextField {...text('title')} label={t('requests.form.titleLabel')} hint={t('requests.form.titleHint')} />
      <TextArea
        {...text('objective')}
        label={t('requests.form.objective')}
        hint={t('requests.form.objectiveHint')}
        rows={3}
      />
      <TextArea
        {...text('keyMessages')}
        label={t('requests.form.keyMessages')}
        hint={t('requests.form.keyMessagesHint')}
        rows={3}
      />
      <FieldGroup
        id={inputIdOf(FORM, 'proposedPeriod')}
        legend={t('requests.form.period')}
        errors={errorsAt('proposedPeriod')}
        problem={problem}
      >
        <PeriodFields form={form} control={control} />
      </FieldGroup>
      <TextArea
        {...text('expectedDeliverables')}
        label={t('requests.form.deliverables')}
        hint={t('requests.form.deliverablesHint')}
        rows={2}
      />
      <Field
        {...control('responseDeadline')}
        label={t('requests.form.deadline')}
        hint={t('requests.form.deadlineHint')}
      >
        {(props) => <input {...props} type="datetime-local" {...form.bind('responseDeadline')} />}
      </Field>
    </>
  );
}

type PeriodField = 'periodStart' | 'periodEnd';

/** A proposed period's first and last day, side by side (the request form's and a counter-proposal's). */
export function PeriodFields<D extends Record<PeriodField, string>>({
  form,
  control,
}: {
  form: Form<D>;
  control: (key: PeriodField) => { id: string; errors: FieldProblem[]; problem?: Problem };
}) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <Field {...control('periodStart')} label={t('requests.form.periodStart')}>
        {(props) => <input {...props} type="date" {...form.bind('periodStart' as TextOf<D>)} />}
      </Field>
      <Field {...control('periodEnd')} label={t('requests.form.periodEnd')}>
        {(props) => <input {...props} type="date" {...form.bind('periodEnd' as TextOf<D>)} />}
      </Field>
    </div>
  );
}
