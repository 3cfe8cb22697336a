import type { FormEvent, ReactNode } from 'react';

/**
 * A form's buttons: the submit button (disabled while the form is busy) and,
 * when there is one, the way out without sending: a `cancel` button or a link
 * (`children`). With `submitting`, the button says so while busy, and so does
 * a status line for screen readers.
 */
export function FormActions({
  busy,
  submit,
  submitting,
  secondary,
  cancel,
  children,
}: {
  busy: boolean;
  submit: string;
  submitting?: string;
  /** The submit button as a secondary one (the page's main action is elsewhere). */
  secondary?: boolean;
  cancel?: { label: string; onClick: () => void };
  children?: ReactNode;
}) {
  return (
    <>
      <div className="actions">
        <button type="submit" className={secondary ? 'button-secondary' : 'button-primary'} disabled={busy}>
          {busy && submitting ? submitting : submit}
        </button>
        {cancel && (
          <button type="button" className="button-link-plain" onClick={cancel.onClick}>
            {cancel.label}
          </button>
        )}
        {children}
      </div>
      {submitting !== undefined && (
        <p className="visually-hidden" role="status" aria-live="polite">
          {busy ? submitting : ''}
        </p>
      )}
    </>
  );
}

/**
 * A small form inside a section (an action's reason, a row added): sent
 * without leaving the page, `aria-busy` while it goes, and named by its
 * title when it has one.
 */
export function InlineForm({
  form,
  title,
  titleId,
  children,
}: {
  form: { busy: boolean; submit: (event?: FormEvent) => Promise<void> };
  title?: ReactNode;
  /** The title's id, which names the form (`aria-labelledby`). */
  titleId?: string;
  children: ReactNode;
}) {
  return (
    <form
      className="inline-form"
      onSubmit={(e) => void form.submit(e)}
      noValidate
      aria-busy={form.busy}
      aria-labelledby={titleId}
    >
      {title !== undefined && <h3 id={titleId}>{title}</h3>}
      {children}
    </form>
  );
}
