import { useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import type { ConcordClient } from './api/client';
import { Layout, PageLoading, RequireSignIn } from './components/layout';
import { RouteError } from './components/route-error';
import { agreementRoutes } from './features/agreements/routes';
import { campaignRoutes } from './features/campaigns/routes';
import { contentRoutes } from './features/content/routes';
import { creatorRoutes } from './features/creators/routes';
import { homeRoutes } from './features/home/routes';
import { planningRoutes } from './features/planning/routes';
import { publicRegisterRoutes } from './features/public-register/routes';
import { reportRoutes } from './features/reports/routes';
import { signInRoutes } from './features/sign-in/routes';
import { lazyPage } from './lib/lazy-page';
import { RouterInstance } from './lib/navigation-pending';
import { SessionProvider } from './session/session';

/**
 * The portal's pages, under /portal/ (the gateway serves index.html for each):
 * each feature's routes, every page its own chunk (`lazyPage`, ADR 0010).
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        // A page whose code fails to load (or that fails while drawing) is replaced by an explanation; the header stays.
        errorElement: <RouteError />,
        children: [
          ...signInRoutes,
          ...publicRegisterRoutes,
          {
            element: <RequireSignIn />,
            children: [
              ...homeRoutes,
              ...creatorRoutes,
              ...agreementRoutes,
              ...campaignRoutes,
              ...planningRoutes,
              ...reportRoutes,
              ...contentRoutes,
            ],
          },
          { path: '*', lazy: lazyPage(() => import('./components/not-found-page')) },
        ],
      },
    ],
  },
];

export function App({ client, i18n, basename = '/portal' }: { client: ConcordClient; i18n: I18n; basename?: string }) {
  const [router] = useState(() => createBrowserRouter(routes, { basename }));
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider client={client}>
        <RouterInstance.Provider value={router}>
          <RouterProvider router={router} />
        </RouterInstance.Provider>
      </SessionProvider>
    </I18nextProvider>
  );
}
