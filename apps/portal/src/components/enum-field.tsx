import type { ComponentProps } from 'react';
import { EnumSelect, type EnumSelectProps } from './enum-select';
import { Field } from './field';

type FieldProps = Omit<ComponentProps<typeof Field>, 'children'>;

/** A labelled choice from an enum (react-admin's SelectInput): a `Field` holding an `EnumSelect`. */
export function EnumField<V extends string, A extends string | undefined = undefined>({
  id,
  label,
  hint,
  optional,
  errors,
  problem,
  className,
  ...choice
}: FieldProps & Omit<EnumSelectProps<V, A>, 'id'>) {
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      optional={optional}
      errors={errors}
      problem={problem}
      className={className}
    >
      {(control) => <EnumSelect<V, A> {...choice} {...control} />}
    </Field>
  );
}
