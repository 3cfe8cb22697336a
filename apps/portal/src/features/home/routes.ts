import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** What waits for the signed-in user. */
export const homeRoutes: RouteObject[] = [{ index: true, lazy: lazyPage(() => import('./home-page')) }];
