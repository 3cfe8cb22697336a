import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextKey } from '../i18n';

/**
 * A part of a page under its own heading, which names it for screen readers
 * (`aria-labelledby`): react-admin's show-layout block. `id` is the heading's.
 */
export function Section({
  id,
  title,
  className,
  busy,
  children,
}: {
  id: string;
  title: TextKey;
  /** More classes for the section. */
  className?: string;
  /** What it shows is being loaded again (`aria-busy`). */
  busy?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className={className ? `section ${className}` : 'section'} aria-labelledby={id} aria-busy={busy}>
      <h2 id={id}>{t(title)}</h2>
      {children}
    </section>
  );
}
