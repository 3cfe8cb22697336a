import { useTranslation } from 'react-i18next';
import { settle } from '../../api/client';
import { fieldProblem, type FieldProblem } from '../../api/problem';
import { DateInput } from '../../components/date-input';
import { EnumField } from '../../components/enum-field';
import { Field } from '../../components/field';
import { localNow, localToIso } from '../../lib/local-time';
import { useForm } from '../../lib/use-form';
import { useApiClient } from '../../session/session';
import { unsignedParties, type Party } from './lifecycle';
import { ActionForm, useVersionedLabel, type WriteProps } from './outcome';
import { keyed } from '../../lib/idempotency';
import { useFormErrors } from './terms-fields';
import { TextField } from '../../components/text-field';

const METHODS = ['in_person', 'e_signature'] as const;

interface Signing {
  party: Party;
  signatoryName: string;
  /** `datetime-local`, the reader's time. */
  signedAt: string;
  method: (typeof METHODS)[number];
  reference: string;
}

/** Records one party's signature of the agreement, or of amendment `version`. */
export function SignAction({ agreement, version, onDone, onStale }: WriteProps & { version?: number }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const signatures = version
    ? (agreement.versions.find((v) => v.version === version)?.signatures ?? [])
    : agreement.signatures;
  const parties = unsignedParties(signatures);
  // Once one party has signed, the other is what remains.
  const partyOf = (chosen: Party) => (parties.includes(chosen) ? chosen : (parties[0] ?? chosen));
  const form = useForm<Signing, unknown>({
    initial: () => ({
      party: parties[0] ?? 'agency',
      signatoryName: '',
      signedAt: localNow(),
      method: 'in_person',
      reference: '',
    }),
    validate: ({ signatoryName, signedAt }) => {
      const missing: FieldProblem[] = [];
      if (signatoryName.trim().length < 2) missing.push(fieldProblem('signatoryName', 'too_small'));
      if (!localToIso(signedAt)) missing.push(fieldProblem('signedAt', 'required'));
      return missing;
    },
    request: (values) => {
      const body = {
        party: partyOf(values.party),
        signatoryName: values.signatoryName.trim(),
        signedAt: localToIso(values.signedAt) ?? '',
        method: values.method,
        ...(values.reference.trim() ? { reference: values.reference.trim() } : {}),
      };
      return {
        body,
        send: (key) =>
          version
            ? settle(
                api.POST('/v1/agreements/{id}/amendments/{version}/signatures', {
                  params: keyed(key, { id: agreement.id, version }),
                  body,
                }),
              )
            : settle(api.POST('/v1/agreements/{id}/signatures', { params: keyed(key, { id: agreement.id }), body })),
      };
    },
    afterDone: (values) => ({ ...values, signatoryName: '', reference: '' }),
    onDone: (_, values) =>
      onDone(t('agreementsArea.actions.sign.done', { party: t(`agreementsArea.partyName.${partyOf(values.party)}`) })),
    onStale,
  });
  const { values } = form;
  const id = version ? 'amendment-sign' : 'sign';
  const { errors, at } = useFormErrors(form);
  const label = useVersionedLabel('sign', version);
  return (
    <ActionForm
      label={label}
      title={label}
      form={form}
      placedAll={errors.length > 0}
      submit={t('agreementsArea.actions.sign.submit')}
    >
      <EnumField
        id={`${id}-party`}
        label={t('agreementsArea.actions.sign.party')}
        errors={at('party')}
        values={parties}
        text={(party) => t(`agreementsArea.party.${party}`)}
        value={partyOf(values.party)}
        onChange={(party) => form.set('party', party)}
      />
      <TextField
        id={`${id}-name`}
        label={t('agreementsArea.actions.sign.name')}
        errors={at('signatoryName')}
        {...form.bind('signatoryName')}
      />
      <Field id={`${id}-at`} label={t('agreementsArea.actions.sign.at')} errors={at('signedAt')}>
        {(props) => <DateInput {...props} kind="datetime-local" {...form.bind('signedAt')} />}
      </Field>
      <EnumField
        id={`${id}-method`}
        label={t('agreementsArea.actions.sign.method')}
        errors={at('method')}
        values={METHODS}
        text={(method) => t(`agreementsArea.method.${method}`)}
        {...form.choose('method')}
      />
      <TextField
        id={`${id}-reference`}
        label={t('agreementsArea.actions.sign.reference')}
        optional={t('agreementsArea.form.optional')}
        errors={at('reference')}
        {...form.bind('reference')}
      />
    </ActionForm>
  );
}
