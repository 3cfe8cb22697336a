import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConcordClient, Result } from '../../api/client';
import { useApi } from '../../lib/use-api';
import { useApiClient } from '../../session/session';
import { Block } from './block';

/** What a home block reads, once, with the portal's client. */
export function useBlockRead<T>(read: (api: ConcordClient, signal: AbortSignal) => Promise<Result<T>>) {
  const api = useApiClient();
  return useApi((signal) => read(api, signal), [api]);
}

/** A home block's list of work: one `WorkItem` a row. */
export function WorkList<T>({ items, children }: { items: T[]; children: (item: T) => ReactNode }) {
  return <ul className="work-list">{items.map(children)}</ul>;
}

/** One piece of work: what it is (a link, usually) and what to know about it; an overdue one stands out. */
export function WorkItem({ title, meta, overdue }: { title: ReactNode; meta?: ReactNode; overdue?: boolean }) {
  return (
    <li className={overdue ? 'overdue' : undefined}>
      <span className="work-title">{title}</span>
      {meta && <span className="work-meta">{meta}</span>}
    </li>
  );
}

/**
 * A home block listing a page of work read with `read` (its title and the
 * words for none are `home.<id>.title` and `home.<id>.empty`), in the order
 * `order` gives, and what follows the list (`footer`).
 */
export function WorkListBlock<I>({
  id,
  read,
  order = (items) => items,
  children,
  footer,
}: {
  id: 'agreements' | 'requests' | 'reviews';
  read: (api: ConcordClient, signal: AbortSignal) => Promise<Result<{ items: I[] }>>;
  order?: (items: I[]) => I[];
  children: (item: I) => ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const loaded = useBlockRead(read);
  return (
    <Block
      id={id}
      title={t(`home.${id}.title`)}
      loaded={loaded}
      isEmpty={(d) => d.items.length === 0}
      empty={t(`home.${id}.empty`)}
    >
      {(data) => (
        <>
          <WorkList items={order(data.items)}>{children}</WorkList>
          {footer}
        </>
      )}
    </Block>
  );
}
