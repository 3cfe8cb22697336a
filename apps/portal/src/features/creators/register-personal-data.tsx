import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/problem';
import { Field } from '../../components/field';
import { FieldErrors } from '../../components/messages';
import type { Form } from '../../lib/use-form';
import { inputIdOf, type RegisterDraft } from './register-form';

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
    <fieldset className="group" id={inputIdOf('personalData')}>
      <legend>
        {t('register.personal.legend')} <span className="optional">({t('register.optional')})</span>
      </legend>
      <p className="hint">{t('register.personal.intro')}</p>
      <FieldErrors id="register-personalData-error" errors={errorsAt('personalData')} problem={problem} />
      <Field {...control('personalData.legalName')} label={t('register.personal.legalName')}>
        {(props) => <input {...props} {...form.bind('legalName')} autoComplete="off" />}
      </Field>
      <div className="field-row">
        <Field
          {...control('personalData.nationalId')}
          label={t('register.personal.nationalId')}
          hint={t('register.personal.nationalIdHint')}
        >
          {(props) => <input {...props} inputMode="numeric" {...form.bind('nationalId')} autoComplete="off" />}
        </Field>
        <Field
          {...control('personalData.phone')}
          label={t('register.personal.phone')}
          hint={t('register.personal.phoneHint')}
        >
          {(props) => <input {...props} type="tel" {...form.bind('phone')} autoComplete="off" />}
        </Field>
      </div>
      <Field {...control('personalData.email')} label={t('register.personal.email')}>
        {(props) => <input {...props} type="email" {...form.bind('email')} autoComplete="off" />}
      </Field>
    </fieldset>
  );
}
