import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** The registry: search, a creator's page, register and edit. */
export const creatorRoutes: RouteObject[] = [
  { path: 'creators', lazy: lazyPage(() => import('./creators-page')) },
  { path: 'creators/new', lazy: lazyPage(() => import('./register-creator-page')) },
  { path: 'creators/:id', lazy: lazyPage(() => import('./creator-page')) },
  { path: 'creators/:id/edit', lazy: lazyPage(() => import('./edit-creator-page')) },
];
