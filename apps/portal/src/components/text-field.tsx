import type { ComponentProps, InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Field } from './field';

type FieldProps = Omit<ComponentProps<typeof Field>, 'children'>;
type InputProps = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'inputMode' | 'size' | 'maxLength' | 'spellCheck' | 'autoFocus'
>;

/**
 * A labelled text box (react-admin's TextInput): a `Field` holding an
 * `<input>` the browser does not fill in by itself. `value` and `onChange`
 * are the input's (`form.bind(field)` gives both).
 */
export function TextField({
  value,
  onChange,
  type,
  inputMode,
  size,
  spellCheck,
  maxLength,
  autoFocus,
  ...field
}: FieldProps &
  InputProps & {
    value: string;
    onChange: (event: { target: { value: string } }) => void;
  }) {
  const input = { type, inputMode, size, maxLength, spellCheck, autoFocus };
  return (
    <Field {...field}>
      {(control) => <input {...control} {...input} value={value} onChange={onChange} autoComplete="off" />}
    </Field>
  );
}

/** A labelled box for longer text (a reason, a message): a `Field` holding a `<textarea>` of `rows` lines. */
export function TextArea({
  value,
  onChange,
  rows,
  maxLength,
  autoFocus,
  ...field
}: FieldProps &
  Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, 'rows' | 'maxLength' | 'autoFocus'> & {
    value: string;
    onChange: (event: { target: { value: string } }) => void;
  }) {
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          maxLength={maxLength}
          autoFocus={autoFocus}
          value={value}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
