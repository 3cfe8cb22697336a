import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../components/messages';
import type { Loaded } from '../../lib/use-api';

/** A block of the home page: its title, and loading, error, empty or the list. A 403 hides it. */
export function Block<T>({
  id,
  title,
  loaded,
  isEmpty,
  empty,
  children,
}: {
  id: string;
  title: string;
  loaded: Loaded<T> & { reload: () => void };
  isEmpty: (data: T) => boolean;
  empty: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (loaded.state === 'error' && loaded.problem.status === 403) return null;
  return (
    <section className="block" aria-labelledby={`${id}-title`} aria-busy={loaded.state === 'loading'}>
      <h2 id={`${id}-title`}>{title}</h2>
      {loaded.state === 'loading' && <Loading label={t('app.loading')} />}
      {loaded.state === 'error' && <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />}
      {loaded.state === 'ok' && (isEmpty(loaded.data) ? <p className="empty">{empty}</p> : children(loaded.data))}
    </section>
  );
}
