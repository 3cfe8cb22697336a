import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** The public register of partnerships: open to everyone, no sign-in. */
export const publicRegisterRoutes: RouteObject[] = [
  { path: 'partnerships', lazy: lazyPage(() => import('./public-register-page')) },
];
