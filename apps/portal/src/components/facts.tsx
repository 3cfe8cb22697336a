import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextKey } from '../i18n';

/** One fact of a record: what it is, and its value. */
export interface Fact {
  label: TextKey;
  value: ReactNode;
  /** Classes for the value (`mono` for numbers and codes). */
  className?: string;
}

/**
 * A record's facts as a definition list (react-admin's SimpleShowLayout), a
 * label over each value. A fact that does not apply is left out: pass
 * `false` (or nothing) in its place.
 */
export function Facts({
  facts,
  className = 'facts',
}: {
  facts: readonly (Fact | false | null | undefined)[];
  /** `figures` for a row of large figures; `facts facts-compact` for a short list. */
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <dl className={className}>
      {facts.map(
        (fact) =>
          fact && (
            <div key={fact.label}>
              <dt>{t(fact.label)}</dt>
              <dd className={fact.className}>{fact.value}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
