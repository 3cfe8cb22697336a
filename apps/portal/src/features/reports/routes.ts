import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** A campaign's report. */
export const reportRoutes: RouteObject[] = [
  { path: 'campaigns/:id/report', lazy: lazyPage(() => import('./campaign-report-page')) },
];
