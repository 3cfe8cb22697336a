import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** Campaigns: joint requests between agencies, the campaigns, their briefs, and offering a brief to creators. */
export const campaignRoutes: RouteObject[] = [
  { path: 'requests', lazy: lazyPage(() => import('./requests-page')) },
  { path: 'requests/new', lazy: lazyPage(() => import('./new-request-page')) },
  { path: 'requests/:id', lazy: lazyPage(() => import('./request-page')) },
  { path: 'campaigns', lazy: lazyPage(() => import('./campaigns-page')) },
  { path: 'campaigns/:id', lazy: lazyPage(() => import('./campaign-page')) },
  { path: 'campaigns/:id/briefs/:briefId/fan-out', lazy: lazyPage(() => import('./fan-out-page')) },
  { path: 'fan-outs/:fanOutId', lazy: lazyPage(() => import('./fan-out-page')) },
];
