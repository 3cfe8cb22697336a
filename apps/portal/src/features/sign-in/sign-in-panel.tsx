import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { FieldProblem } from '../../api/problem';
import { Field, type ControlProps } from '../../components/field';
import type { Form } from '../../lib/use-form';

/** One way in that asks for one thing (a creator's handle, a token): a panel with its form and the field's errors. */
export function SignInPanel({
  id,
  fieldId,
  label,
  form,
  errors,
  busy,
  onSubmit,
  children,
}: {
  /** Which way to sign in: its words are `signIn.<id>Title`, `…Intro`, `…Hint` and `…Submit`. */
  id: 'creator' | 'token';
  fieldId: string;
  label: string;
  form: Pick<Form<unknown>, 'submit' | 'problem'>;
  errors: FieldProblem[];
  busy: boolean;
  /** Before the form submits: the page remembers which way was tried last. */
  onSubmit: () => void;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`signIn.${id}Title`)}</h2>
      <p>{t(`signIn.${id}Intro`)}</p>
      <form
        onSubmit={(e) => {
          onSubmit();
          void form.submit(e);
        }}
        noValidate
      >
        <Field id={fieldId} label={label} hint={t(`signIn.${id}Hint`)} errors={errors} problem={form.problem}>
          {children}
        </Field>
        <button type="submit" disabled={busy}>
          {t(`signIn.${id}Submit`)}
        </button>
      </form>
    </section>
  );
}
