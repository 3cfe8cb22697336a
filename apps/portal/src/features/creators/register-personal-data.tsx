import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/problem';
import type { Form } from '../../lib/use-form';
import { inputIdOf, type RegisterDraft } from './register-form';
import { TextField } from '../../components/text-field';
import { FieldGroup } from '../../components/field';

/** The creator's personal data, optional: legal name, national ID, phone, email. */
export function RegisterPersonalData({
  form,
  errorsAt,
}: {
  form: Form<RegisterDraft>;
  errorsAt: (path: string) => FieldProblem[];
}) {
  const { t } = useTranslation();
  const { problem } = form;
  const control = (path: string) => ({ id: inputIdOf(path), errors: errorsAt(path), problem });
  return (
    <FieldGroup
      {...control('personalData')}
      legend={t('register.personal.legend')}
      optional={t('register.optional')}
      hint={t('register.personal.intro')}
    >
      <TextField
        {...control('personalData.legalName')}
        label={t('register.personal.legalName')}
        {...form.bind('legalName')}
      />
      <div className="field-row">
        <TextField
          {...control('personalData.nationalId')}
          label={t('register.personal.nationalId')}
          hint={t('register.personal.nationalIdHint')}
          inputMode="numeric"
          {...form.bind('nationalId')}
        />
        <TextField
          {...control('personalData.phone')}
          label={t('register.personal.phone')}
          hint={t('register.personal.phoneHint')}
          type="tel"
          {...form.bind('phone')}
        />
      </div>
      <TextField
        {...control('personalData.email')}
        label={t('register.personal.email')}
        type="email"
        {...form.bind('email')}
      />
    </FieldGroup>
  );
}
