import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComponentProps } from 'react';
import { Field, type ControlProps } from './field';

type Kind = 'date' | 'datetime-local';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What a Vietnamese reader types, `dd/mm/yyyy` (and ` hh:mm` for a time),
 * as the value a native input gives: `yyyy-mm-dd` (`yyyy-mm-ddThh:mm`).
 * The native form is accepted as typed too. Undefined when it is no such
 * date (31/02/2026) or not complete.
 */
export function parseTypedDate(text: string, kind: Kind): string | undefined {
  const trimmed = text.trim();
  const time = kind === 'datetime-local' ? String.raw`(?:[ T,]+(\d{1,2}):(\d{2}))` : '';
  const typed = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${time}$`).exec(trimmed);
  const native = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${time}$`).exec(trimmed);
  const parts = typed
    ? [typed[3], typed[2], typed[1], typed[4], typed[5]]
    : native
      ? [native[1], native[2], native[3], native[4], native[5]]
      : undefined;
  if (!parts) return undefined;
  const [year, month, day, hour = '0', minute = '0'] = parts.map((p) =>
    p === undefined ? undefined : Number(p),
  ) as number[];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59) return undefined;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return kind === 'date' ? iso : `${iso}T${pad(Number(hour))}:${pad(Number(minute))}`;
}

/** A native input's value (`yyyy-mm-dd`, `yyyy-mm-ddThh:mm`) as a Vietnamese reader writes it. */
export function formatTypedDate(value: string, kind: Kind): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return value;
  const date = `${match[3]}/${match[2]}/${match[1]}`;
  return kind === 'datetime-local' && match[4] ? `${date} ${match[4]}:${match[5]}` : date;
}

/**
 * A date (or date and time) input. A native date input shows dates as the
 * browser's own language does (mm/dd/yyyy in an English browser), whatever
 * the page's language; so on Vietnamese pages this is a text input in
 * dd/mm/yyyy that gives the form the native value (`yyyy-mm-dd`), or what
 * was typed when it is no date yet (the form's checks then say so). English
 * pages keep the native input.
 */
export function DateInput({
  kind = 'date',
  value,
  onChange,
  ...props
}: ControlProps & {
  kind?: Kind;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  required?: boolean;
}) {
  const { i18n } = useTranslation();
  const [text, setText] = useState(() => formatTypedDate(value, kind));
  // The form may set the value itself (a reset, a default): show it, unless it is what was typed.
  useEffect(() => {
    if ((parseTypedDate(text, kind) ?? text) !== value) setText(formatTypedDate(value, kind));
  }, [value]);
  if (i18n.language !== 'vi')
    return (
      <input {...props} type={kind} value={value} onChange={(e) => onChange({ target: { value: e.target.value } })} />
    );
  const placeholder = kind === 'date' ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm';
  return (
    <input
      {...props}
      type="text"
      inputMode="numeric"
      lang="vi"
      autoComplete="off"
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange({ target: { value: parseTypedDate(e.target.value, kind) ?? e.target.value } });
      }}
    />
  );
}

/** A labelled date (or date and time, `kind`) field: a `Field` holding a `DateInput`. */
export function DateField({
  kind,
  value,
  onChange,
  ...field
}: Omit<ComponentProps<typeof Field>, 'children'> & {
  kind?: Kind;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}) {
  return (
    <Field {...field}>{(control) => <DateInput {...control} kind={kind} value={value} onChange={onChange} />}</Field>
  );
}
