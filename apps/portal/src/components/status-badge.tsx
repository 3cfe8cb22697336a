import type { ReactNode } from 'react';

/** A record's status as a coloured badge: `of` is the status (with its kind's prefix, e.g. `milestone-paid`), `children` it in words. */
export function StatusBadge({ of, children }: { of: string; children: ReactNode }) {
  return <span className={`badge badge-${of}`}>{children}</span>;
}
