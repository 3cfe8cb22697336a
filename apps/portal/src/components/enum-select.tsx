import type { ControlProps } from './field';

/** The value of the empty first choice, when the select has one (`any`). */
type Empty<A> = A extends string ? '' : never;

export interface EnumSelectProps<
  V extends string,
  A extends string | undefined = undefined,
> extends Partial<ControlProps> {
  /** The enum's values in the order shown: a domain enum, or the part of it that applies here. */
  values: readonly V[];
  /** A value in words, in the reader's language. */
  text: (value: V) => string;
  /** Names a first, empty choice: no value (a filter not applied). */
  any?: A;
  value: NoInfer<V> | Empty<A>;
  onChange: (value: NoInfer<V> | Empty<A>) => void;
}

/** The one choice from an enum in the portal: a native `<select>` of its values, each in words. */
export function EnumSelect<V extends string, A extends string | undefined = undefined>({
  values,
  text,
  value,
  onChange,
  any,
  ...control
}: EnumSelectProps<V, A>) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value as V | Empty<A>)}>
      {any !== undefined && <option value="">{any}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {text(v)}
        </option>
      ))}
    </select>
  );
}

/** `value` when it is one of `values` (a filter read from the address may be anything), else no value. */
export function enumValue<V extends string>(values: readonly V[], value: string): V | '' {
  return (values as readonly string[]).includes(value) ? (value as V) : '';
}
