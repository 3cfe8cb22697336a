import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** Content: the review queue, a submission under review, and the creator submitting content. */
export const contentRoutes: RouteObject[] = [
  { path: 'reviews', lazy: lazyPage(() => import('./reviews-page')) },
  { path: 'submissions/:id', lazy: lazyPage(() => import('./submission-page')) },
  { path: 'assignments/:id/submit', lazy: lazyPage(() => import('./submit-content-page')) },
];
