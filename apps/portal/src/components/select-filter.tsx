import { Field } from './field';

/**
 * A list's one filter: a labelled choice in a small form of its own, applied
 * as soon as it is chosen (no button to press).
 */
export function SelectFilter<Value extends string>({
  id,
  formLabel,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  /** The accessible name of the form (what it filters). */
  formLabel: string;
  label: string;
  value: Value;
  /** The choices in order, each with its text. */
  options: readonly { value: Value; text: string }[];
  onChange: (value: Value) => void;
}) {
  return (
    <form className="filters-inline" onSubmit={(e) => e.preventDefault()} aria-label={formLabel}>
      <Field id={id} label={label}>
        {(props) => (
          <select {...props} value={value} onChange={(e) => onChange(e.target.value as Value)}>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.text}
              </option>
            ))}
          </select>
        )}
      </Field>
    </form>
  );
}
