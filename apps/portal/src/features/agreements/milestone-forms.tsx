import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { fieldProblem, type FieldProblem } from '../../api/problem';
import { DateInput } from '../../components/date-input';
import { Field } from '../../components/field';
import { useFormat } from '../../lib/format';
import { localNow, localToIso } from '../../lib/local-time';
import { useForm } from '../../lib/use-form';
import { parseWhole } from '../../lib/whole-number';
import { useApiClient } from '../../session/session';
import { WriteProblem, type WriteProps } from './outcome';
import { useFormErrors } from './terms-fields';
import { InlineForm } from '../../components/form-actions';
import { keyed } from '../../lib/idempotency';
import { TextField } from '../../components/text-field';

/** A payment milestone added: its label, due date and amount (within the budget, which the API checks). */
export function AddMilestoneForm({ agreement, onDone, onStale }: WriteProps) {
  const { t } = useTranslation();
  const api = useApiClient();
  const form = useForm({
    initial: { label: '', dueDate: '', amount: '' },
    validate: (values) => {
      const amount = parseWhole(values.amount);
      const missing: FieldProblem[] = [];
      if (!values.label.trim()) missing.push(fieldProblem('label', 'required'));
      if (!values.dueDate) missing.push(fieldProblem('dueDate', 'required'));
      if (amount === undefined || Number.isNaN(amount) || amount < 1)
        missing.push(fieldProblem('amount', 'invalid_type'));
      return missing;
    },
    request: (values) => {
      const body = { label: values.label.trim(), dueDate: values.dueDate, amount: parseWhole(values.amount) ?? 0 };
      return {
        body,
        send: (key) =>
          settle(api.POST('/v1/agreements/{id}/milestones', { params: keyed(key, { id: agreement.id }), body })),
      };
    },
    onDone: (_, values) => onDone(t('agreementsArea.milestones.added', { label: values.label.trim() })),
    onStale,
  });
  const { errors, at } = useFormErrors(form);
  return (
    <InlineForm form={form} titleId="add-milestone-title" title={t('agreementsArea.milestones.addTitle')}>
      <WriteProblem form={form} placedAll={errors.length > 0} />
      <TextField
        id="milestone-label"
        label={t('agreementsArea.milestones.label')}
        errors={at('label')}
        {...form.bind('label')}
      />
      <div className="field-row">
        <Field id="milestone-due" label={t('agreementsArea.milestones.dueDate')} errors={at('dueDate')}>
          {(props) => <DateInput {...props} {...form.bind('dueDate')} />}
        </Field>
        <TextField
          id="milestone-amount"
          label={t('agreementsArea.milestones.amountLabel')}
          errors={at('amount')}
          inputMode="numeric"
          {...form.bind('amount')}
          size={16}
        />
      </div>
      <button type="submit" className="button-secondary" disabled={form.busy}>
        {t('agreementsArea.milestones.add')}
      </button>
    </InlineForm>
  );
}

/** A milestone's payment recorded: which one, the payment's reference, when it was paid. */
export function PaymentForm({ agreement, onDone, onStale }: WriteProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApiClient();
  const unpaid = agreement.milestones.filter((m) => m.status !== 'paid');
  const chosenOf = (milestoneId: string) => unpaid.find((m) => m.id === milestoneId) ?? unpaid[0];
  const form = useForm({
    initial: () => ({ milestoneId: unpaid[0]?.id ?? '', reference: '', paidAt: localNow() }),
    validate: ({ reference }) => (reference.trim() ? [] : [fieldProblem('paymentReference', 'required')]),
    request: (values) => {
      const chosen = chosenOf(values.milestoneId);
      if (!chosen) return undefined;
      const when = localToIso(values.paidAt);
      const body = { paymentReference: values.reference.trim(), ...(when ? { paidAt: when } : {}) };
      return {
        body: { milestone: chosen.id, ...body },
        send: (key) =>
          settle(
            api.POST('/v1/agreements/{id}/milestones/{milestoneId}/payment', {
              params: keyed(key, { id: agreement.id, milestoneId: chosen.id }),
              body,
            }),
          ),
      };
    },
    afterDone: (values) => ({ ...values, reference: '' }),
    onDone: (_, values) =>
      onDone(t('agreementsArea.milestones.paidDone', { label: chosenOf(values.milestoneId)?.label ?? '' })),
    onStale,
    pathOf: (field) => (field === 'reference' ? 'paymentReference' : field),
  });
  const { values } = form;
  const chosen = chosenOf(values.milestoneId);
  const { errors, at } = useFormErrors(form);
  return (
    <InlineForm form={form} titleId="pay-milestone-title" title={t('agreementsArea.milestones.payTitle')}>
      <WriteProblem form={form} placedAll={errors.length > 0} />
      <Field id="payment-milestone" label={t('agreementsArea.milestones.which')}>
        {(props) => (
          <select {...props} value={chosen?.id ?? ''} onChange={(e) => form.set('milestoneId', e.target.value)}>
            {unpaid.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label} · {format.money(m.amount)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <TextField
          id="payment-reference"
          label={t('agreementsArea.milestones.reference')}
          errors={at('paymentReference')}
          {...form.bind('reference')}
        />
        <Field id="payment-at" label={t('agreementsArea.milestones.paidAt')} errors={at('paidAt')}>
          {(props) => <DateInput {...props} kind="datetime-local" {...form.bind('paidAt')} />}
        </Field>
      </div>
      <button type="submit" className="button-secondary" disabled={form.busy}>
        {t('agreementsArea.milestones.pay')}
      </button>
    </InlineForm>
  );
}
