import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/problem';
import { Field } from '../../components/field';
import type { Form } from '../../lib/use-form';

/** Sign in with a token from the agency's identity provider (always offered). */
export function TokenSignIn({
  form,
  errors,
  busy,
  onSubmit,
}: {
  form: Form<{ token: string }>;
  errors: FieldProblem[];
  busy: boolean;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="token-title">
      <h2 id="token-title">{t('signIn.tokenTitle')}</h2>
      <p>{t('signIn.tokenIntro')}</p>
      <form
        onSubmit={(e) => {
          onSubmit();
          void form.submit(e);
        }}
        noValidate
      >
        <Field
          id="token"
          label={t('signIn.tokenLabel')}
          hint={t('signIn.tokenHint')}
          errors={errors}
          problem={form.problem}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.values.token}
              onChange={(e) => form.set('token', e.target.value)}
              spellCheck={false}
              autoComplete="off"
              className="mono"
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {t('signIn.tokenSubmit')}
        </button>
      </form>
    </section>
  );
}
