import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-page';

/** Signing in: open to everyone. */
export const signInRoutes: RouteObject[] = [{ path: 'sign-in', lazy: lazyPage(() => import('./sign-in-page')) }];
