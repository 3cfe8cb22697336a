import type { ReactNode } from 'react';
import type { FieldProblem, Problem } from '../../api/problem';
import { Field, type ControlProps } from '../../components/field';
import type { Form } from '../../lib/use-form';

/** One way in that asks for one thing (a creator's handle, a token): a panel with its form and the field's errors. */
export function SignInPanel({
  id,
  title,
  intro,
  fieldId,
  label,
  hint,
  submit,
  form,
  errors,
  problem,
  busy,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  fieldId: string;
  label: string;
  hint: string;
  submit: string;
  form: Pick<Form<unknown>, 'submit'>;
  errors: FieldProblem[];
  problem?: Problem;
  busy: boolean;
  /** Before the form submits: the page remembers which way was tried last. */
  onSubmit: () => void;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{intro}</p>
      <form
        onSubmit={(e) => {
          onSubmit();
          void form.submit(e);
        }}
        noValidate
      >
        <Field id={fieldId} label={label} hint={hint} errors={errors} problem={problem}>
          {children}
        </Field>
        <button type="submit" disabled={busy}>
          {submit}
        </button>
      </form>
    </section>
  );
}
