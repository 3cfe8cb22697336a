import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Result } from '../api/client';
import { fieldProblem, requestFieldErrors, withoutPath, type FieldProblem, type Problem } from '../api/problem';
import { useMutation, type MutationOptions } from './use-mutation';

/** The fields of `V` that hold text. */
export type TextField<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/** The form's own check that a text field is not blank (a required reason, say), worded by `code`. */
export function requireText<V>(field: TextField<V>, code = 'required', message = ''): (values: V) => FieldProblem[] {
  return (values) => ((values[field] as string).trim() ? [] : [fieldProblem(field, code, message)]);
}

/** What one submission of a form sends. */
export interface FormRequest<T> {
  /** What identifies the submission, for its Idempotency-Key (usually the body sent). */
  body: unknown;
  send: (idempotencyKey: string) => Promise<Result<T>>;
  /** The API's field paths → the form's (rows left out of the body, another name for a field). */
  toForm?: (errors: FieldProblem[]) => FieldProblem[];
}

export interface FormOptions<V, T> extends MutationOptions {
  /** The values the form starts with (a function is called again on `reset`). */
  initial: V | (() => V);
  /**
   * The form's own checks (the domain's contract, a required reason): from the
   * first attempt on they follow what is typed, and nothing is sent while one fails.
   */
  validate?: (values: V) => FieldProblem[];
  /** The request these values make; `undefined` when there is nothing to send (`onNothing` says so). */
  request: (values: V) => FormRequest<T> | undefined;
  /** The request path of a field, whose API errors go when it is changed (by default the field's name). */
  pathOf?: (field: keyof V & string) => string;
  onDone?: (data: T, values: V) => void;
  /** What the form holds after a success: by default its initial values again. */
  afterDone?: (values: V) => V;
  onNothing?: () => void;
  /** After an attempt that sent nothing or was refused (own checks failing: no problem). */
  onRefused?: (problem?: Problem) => void;
}

export interface Form<V> {
  values: V;
  /** Changes one field; the API's errors about what was there before go. */
  set<K extends keyof V & string>(field: K, value: V[K]): void;
  /** Changes the values at `path` (a row, a group); the API's errors at and below it go. */
  edit(path: string, change: (values: V) => V): void;
  /** A text field's value and change handler: `<textarea {...form.bind('reason')} />`. */
  bind(field: TextField<V>): { value: string; onChange: (event: { target: { value: string } }) => void };
  /** A choice's value and change handler: `<EnumField {...form.choose('kind')} />`. */
  choose<K extends keyof V & string>(field: K): { value: V[K]; onChange: (value: V[K]) => void };
  /** Changes the values and leaves every error standing (a row added, the saved values taken in). */
  setValues(change: (values: V) => V): void;
  /** Back to `values` (or the initial ones), with no attempt and no refusal. */
  reset(values?: V): void;
  /** The errors to show: the form's own after an attempt, else the API's still standing. */
  errors: FieldProblem[];
  /** The refusal to show, unless the form's own checks are failing. */
  problem?: Problem;
  busy: boolean;
  stale: boolean;
  attempted: boolean;
  /** Focused after a failed attempt, when the form has a summary of what stops it. */
  summary: RefObject<HTMLDivElement | null>;
  submit(event?: FormEvent): Promise<void>;
}

/**
 * The one form hook: values, the form's own checks, the API's field errors
 * placed by the problem's paths, and submission through `useMutation`.
 */
export function useForm<V, T>(options: FormOptions<V, T>): Form<V> {
  const { initial, validate, request, pathOf = (field) => field } = options;
  const first = () => (typeof initial === 'function' ? (initial as () => V)() : initial);
  const [values, setValues] = useState<V>(first);
  const [attempted, setAttempted] = useState(false);
  const [apiErrors, setApiErrors] = useState<FieldProblem[]>([]);
  const summary = useRef<HTMLDivElement | null>(null);
  const mutation = useMutation(options);
  const own = attempted && validate ? validate(values) : [];

  function edit(path: string, change: (values: V) => V) {
    setValues(change);
    setApiErrors((errors) => withoutPath(errors, path));
  }

  function reset(next: V = first()) {
    setValues(next);
    setAttempted(false);
    setApiErrors([]);
    mutation.reset();
  }

  function refused(problem?: Problem) {
    requestAnimationFrame(() => summary.current?.focus());
    options.onRefused?.(problem);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setAttempted(true);
    if (validate && validate(values).length > 0) {
      mutation.reset();
      setApiErrors([]);
      return refused();
    }
    const sending = request(values);
    if (!sending) {
      mutation.reset();
      return options.onNothing?.();
    }
    const result = await mutation.run(sending.body, sending.send);
    if (result.ok) {
      reset(options.afterDone ? options.afterDone(values) : first());
      options.onDone?.(result.data, values);
      return;
    }
    const fieldErrors = requestFieldErrors(result.problem);
    setApiErrors(sending.toForm ? sending.toForm(fieldErrors) : fieldErrors);
    refused(result.problem);
  }

  return {
    values,
    set: (field, value) => edit(pathOf(field), (v) => ({ ...v, [field]: value })),
    bind: (field) => ({
      value: values[field] as string,
      onChange: (event) => edit(pathOf(field), (v) => ({ ...v, [field]: event.target.value })),
    }),
    choose: (field) => ({
      value: values[field],
      onChange: (value) => edit(pathOf(field), (v) => ({ ...v, [field]: value })),
    }),
    edit,
    setValues,
    reset,
    errors: own.length ? own : apiErrors,
    problem: own.length ? undefined : mutation.problem,
    busy: mutation.busy,
    stale: mutation.stale,
    attempted,
    summary,
    submit,
  };
}
