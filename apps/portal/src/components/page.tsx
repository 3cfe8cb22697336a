import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A page's heading: sets the tab's title and takes focus when the page opens,
 * so keyboard and screen-reader users start at the new content. It shows
 * `children` when they say more than the tab's `title`.
 */
export function PageHeading({ children, title }: { children?: ReactNode; title: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}

/** The way back up, above a page's heading: the list or record the page belongs to. */
export function Breadcrumb({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="breadcrumb">
      <Link to={to}>{children}</Link>
    </p>
  );
}

/** A list page's way on: a link shown as a button (`secondary`: not the page's main action). */
export interface PageLink {
  to: string;
  label: string;
  secondary?: boolean;
}

/**
 * The head of a list page: its heading and what the list is, and the page's
 * action (a new record, say), when the user may take it.
 */
export function ListHead({ title, intro, action }: { title: string; intro: string; action?: PageLink | false }) {
  return (
    <div className="page-head">
      <div>
        <PageHeading title={title} />
        <p className="lead">{intro}</p>
      </div>
      {action && (
        <Link to={action.to} className={`button-link ${action.secondary ? 'button-secondary' : 'button-primary'}`}>
          {action.label}
        </Link>
      )}
    </div>
  );
}
