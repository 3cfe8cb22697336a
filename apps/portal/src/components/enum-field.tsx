import type { ComponentProps } from 'react';
import { EnumSelect, type EnumSelectProps } from './enum-select';
import { Field } from './field';

type FieldProps = Omit<ComponentProps<typeof Field>, 'children'>;

/** A labelled choice from an enum (react-admin's SelectInput): a `Field` holding an `EnumSelect`. */
export function EnumField<V extends string, A extends string | undefined = undefined>({
  values,
  text,
  any,
  value,
  onChange,
  ...field
}: FieldProps & Omit<EnumSelectProps<V, A>, 'id'>) {
  return (
    <Field {...field}>
      {(control) => (
        <EnumSelect<V, A> {...control} values={values} text={text} any={any} value={value} onChange={onChange} />
      )}
    </Field>
  );
}
