import type { ReactNode } from 'react';
import { LoadState, SuccessNotice } from './messages';
import { Breadcrumb, PageHeading } from './page';

/**
 * A record's page: the way back to its list, its heading, the notice the
 * last write left (with `noticeId`, focusable), what else the page must say
 * (`alerts`), how the read stands, then the record (`children`).
 */
export function RecordPage({
  back,
  title,
  heading,
  notice,
  noticeId,
  alerts,
  loaded,
  loadingLabel,
  children,
}: {
  back: { to: string; label: string };
  title: string;
  heading?: ReactNode;
  notice: string;
  noticeId?: string;
  alerts?: ReactNode;
  loaded: Parameters<typeof LoadState>[0]['loaded'];
  loadingLabel?: string;
  children: ReactNode;
}) {
  return (
    <div className="page">
      <Breadcrumb to={back.to}>{back.label}</Breadcrumb>
      <PageHeading title={title}>{heading}</PageHeading>
      <SuccessNotice message={notice} id={noticeId} />
      {alerts}
      <LoadState loaded={loaded} label={loadingLabel} />
      {children}
    </div>
  );
}
