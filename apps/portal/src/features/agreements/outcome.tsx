import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../api/problem';
import { InlineForm } from '../../components/form-actions';
import { FormProblem } from '../../components/messages';
import type { Agreement } from './lifecycle';

/** What a write on the agreement page reports back to the page. */
export interface WriteOutcome {
  /** Done: say so and reload the agreement. */
  onDone: (message: string) => void;
  /** The agreement moved on meanwhile (409/412): say so and reload the fresh one (the form's `onStale`). */
  onStale: (problem: Problem) => void;
}

/** A part of the agreement page that writes. */
export type WriteProps = { agreement: Agreement } & WriteOutcome;

/**
 * The refusal of a write, unless its field errors are shown at their fields,
 * or it was stale: then the page says so above, with the fresh agreement.
 */
export function WriteProblem({ form, placedAll }: { form: { problem?: Problem; stale: boolean }; placedAll: boolean }) {
  return form.stale ? null : <FormProblem problem={form.problem} placedAll={placedAll} />;
}

/**
 * A button that opens a small form, and the form with a way to cancel. Focus
 * follows: into the form's first control when it opens, back to the button
 * when it is cancelled.
 */
export function Disclosure({
  label,
  open,
  setOpen,
  children,
}: {
  label: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    if (open) panel.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    else opener.current?.focus();
  }, [open]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    setOpen(next);
  };
  if (!open) {
    return (
      <button ref={opener} type="button" className="button-secondary" onClick={() => toggle(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="action-open" ref={panel}>
      {children}
      <button type="button" className="button-link-plain" onClick={() => toggle(false)}>
        {t('agreementsArea.actions.cancel')}
      </button>
    </div>
  );
}

/**
 * A lifecycle action: a button that opens its small form (`Disclosure`), in
 * the form what it asks first (`intro`), its refusal, its fields
 * (`children`) and the button that sends it (`danger`: one that ends something).
 */
export function ActionForm({
  label,
  title,
  form,
  placedAll,
  intro,
  submit,
  danger,
  children,
}: {
  label: string;
  title?: string;
  form: { busy: boolean; problem?: Problem; stale: boolean; submit: (event?: FormEvent) => Promise<void> };
  placedAll: boolean;
  intro?: ReactNode;
  submit: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Disclosure label={label} open={open} setOpen={setOpen}>
      <InlineForm form={form} title={title}>
        {intro}
        <WriteProblem form={form} placedAll={placedAll} />
        {children}
        <button type="submit" className={danger ? 'button-danger' : 'button-primary'} disabled={form.busy}>
          {submit}
        </button>
      </InlineForm>
    </Disclosure>
  );
}

/**
 * What opens an action that applies to the agreement or to its amendment
 * `version` (a legal decision, a signature): "Sign…" or "Sign amendment 2…".
 */
export function useVersionedLabel(action: 'legal' | 'sign', version?: number): string {
  const { t } = useTranslation();
  return version
    ? t(`agreementsArea.actions.${action}.openAmendment`, { n: version })
    : t(`agreementsArea.actions.${action}.open`);
}
