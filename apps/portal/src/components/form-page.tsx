import type { FormEvent, ReactNode, RefObject } from 'react';
import { Breadcrumb, PageHeading } from './page';

/**
 * A page that is one form (react-admin's Create): the way back, the heading
 * and what the form is for, the summary of what stops it (`summary`, focused
 * after a failed attempt) and the form, busy while it sends. A user who may
 * not send it sees the heading and `forbidden` instead.
 */
export function FormPage({
  back,
  title,
  intro,
  forbidden,
  summary,
  form,
  children,
}: {
  back: { to: string; label: string };
  title: string;
  intro: string;
  forbidden?: ReactNode;
  summary: ReactNode;
  form: {
    summary: RefObject<HTMLDivElement | null>;
    busy: boolean;
    submit: (event?: FormEvent) => Promise<void>;
  };
  children: ReactNode;
}) {
  if (forbidden) {
    return (
      <div className="page page-form">
        <PageHeading title={title} />
        {forbidden}
      </div>
    );
  }
  return (
    <div className="page page-form">
      <Breadcrumb to={back.to}>{back.label}</Breadcrumb>
      <PageHeading title={title} />
      <p className="lead">{intro}</p>

      <div ref={form.summary} tabIndex={-1} className="summary-anchor">
        {summary}
      </div>

      <form onSubmit={(e) => void form.submit(e)} noValidate aria-busy={form.busy}>
        {children}
      </form>
    </div>
  );
}
