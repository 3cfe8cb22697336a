import { EnumField } from '../../components/enum-field';
import type { EnumSelectProps } from '../../components/enum-select';

/**
 * A list's one filter: a labelled choice in a small form of its own, applied
 * as soon as it is chosen (no button to press).
 */
export function SelectFilter<V extends string, A extends string | undefined = undefined>({
  id,
  formLabel,
  label,
  ...choice
}: {
  id: string;
  /** The accessible name of the form (what it filters). */
  formLabel: string;
  label: string;
} & EnumSelectProps<V, A>) {
  return (
    <form className="filters-inline" onSubmit={(e) => e.preventDefault()} aria-label={formLabel}>
      <EnumField<V, A> {...choice} id={id} label={label} />
    </form>
  );
}
