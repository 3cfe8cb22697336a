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
  /** One field of the personal data: where it is, its label and its value. */
  const field = (name: 'legalName' | 'nationalId' | 'phone' | 'email') => ({
    ...control(`personalData.${name}`),
    label: t(`register.personal.${name}`),
    ...form.bind(name),
  });
  return (
    <FieldGroup
      {...control('personalData')}
      legend={t('register.personal.legend')}
      optional={t('register.optional')}
      hint={t('register.personal.intro')}
    >
      <TextField {...field('legalName')} />
      <div className="field-row">
        <TextField {...field('nationalId')} hint={t('register.personal.nationalIdHint')} inputMode="numeric" />
        <TextField {...field('phone')} hint={t('register.personal.phoneHint')} type="tel" />
      </div>
      <TextField {...field('email')} type="email" />
    </FieldGroup>
  );
}
