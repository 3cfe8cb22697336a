/** One choice among a few, each a radio button with its words (inside the caller's fieldset and legend). */
export function Radios<V extends string>({
  name,
  values,
  text,
  value,
  onChange,
}: {
  name: string;
  values: readonly V[];
  text: (value: V) => string;
  /** The value chosen, if any. */
  value: NoInfer<V> | '' | undefined;
  onChange: (value: V) => void;
}) {
  return (
    <div className="radios">
      {values.map((v) => (
        <label key={v} className="choice">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          {text(v)}
        </label>
      ))}
    </div>
  );
}

/** Some of a few values, each a checkbox with its words (inside the caller's fieldset and legend). */
export function Checkboxes<V extends string>({
  values,
  text,
  chosen,
  onChange,
}: {
  values: readonly V[];
  text: (value: V) => string;
  /** The values chosen, in the order they were. */
  chosen: readonly NoInfer<V>[];
  onChange: (chosen: V[]) => void;
}) {
  return (
    <div className="checkbox-grid">
      {values.map((v) => (
        <label key={v} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))}
          />
          {text(v)}
        </label>
      ))}
    </div>
  );
}
