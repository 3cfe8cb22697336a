import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** Planning: a campaign's assignments board, and the calendar of campaigns and due work. */
export const planningRoutes: RouteObject[] = [
  { path: 'campaigns/:id/board', lazy: lazyPage(() => import('./assignments-board-page')) },
  { path: 'calendar', lazy: lazyPage(() => import('./calendar-page')) },
];
