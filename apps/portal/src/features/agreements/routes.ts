import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** The agency's agreements: the list with the year's budget, a new draft, an agreement's page. */
export const agreementRoutes: RouteObject[] = [
  { path: 'agreements', lazy: lazyPage(() => import('./agreements-page')) },
  { path: 'agreements/new', lazy: lazyPage(() => import('./new-agreement-page')) },
  { path: 'agreements/:id', lazy: lazyPage(() => import('./agreement-page')) },
];
