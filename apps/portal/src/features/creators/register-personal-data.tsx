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
        {(props) => (
          <input
            {...props}
            value={form.values.legalName}
            onChange={(e) => form.set('legalName', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="field-row">
        <Field
          {...control('personalData.nationalId')}
          label={t('register.personal.nationalId')}
          hint={t('register.personal.nationalIdHint')}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={form.values.nationalId}
              onChange={(e) => form.set('nationalId', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          {...control('personalData.phone')}
          label={t('register.personal.phone')}
          hint={t('register.personal.phoneHint')}
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              value={form.values.phone}
              onChange={(e) => form.set('phone', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <Field {...control('personalData.email')} label={t('register.personal.email')}>
        {(props) => (
          <input
            {...props}
            type="email"
            value={form.values.email}
            onChange={(e) => form.set('email', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
    </fieldset>
  );
}
