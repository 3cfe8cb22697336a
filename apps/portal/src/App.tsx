import { lazy, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import type { ConcordClient } from './api/client';
import { Layout, RequireSignIn } from './components/layout';
import { SessionProvider } from './session/session';

// Each page is its own chunk: the first load carries only the shell.
const HomePage = lazy(() => import('./pages/home-page'));
const SignInPage = lazy(() => import('./pages/sign-in-page'));
const CreatorsPage = lazy(() => import('./pages/creators-page'));
const CreatorPage = lazy(() => import('./pages/creator-page'));
const RegisterCreatorPage = lazy(() => import('./pages/register-creator-page'));
const PublicRegisterPage = lazy(() => import('./pages/public-register-page'));
const ReviewsPage = lazy(() => import('./pages/reviews-page'));
const SubmissionPage = lazy(() => import('./pages/submission-page'));
const SubmitContentPage = lazy(() => import('./pages/submit-content-page'));
const AssignmentsBoardPage = lazy(() => import('./pages/assignments-board-page'));
const CalendarPage = lazy(() => import('./pages/calendar-page'));
const CampaignReportPage = lazy(() => import('./pages/campaign-report-page'));
const EditCreatorPage = lazy(() => import('./pages/edit-creator-page'));
const AgreementsPage = lazy(() => import('./pages/agreements-page'));
const NewAgreementPage = lazy(() => import('./pages/new-agreement-page'));
const AgreementPage = lazy(() => import('./pages/agreement-page'));
const RequestsPage = lazy(() => import('./pages/requests-page'));
const NewRequestPage = lazy(() => import('./pages/new-request-page'));
const RequestPage = lazy(() => import('./pages/request-page'));
const CampaignsPage = lazy(() => import('./pages/campaigns-page'));
const CampaignPage = lazy(() => import('./pages/campaign-page'));
const FanOutPage = lazy(() => import('./pages/fan-out-page'));
const NotFoundPage = lazy(() => import('./pages/not-found-page'));

/** The portal's pages, under /portal/ (the gateway serves index.html for each). */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'partnerships', element: <PublicRegisterPage /> },
      {
        element: <RequireSignIn />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'creators', element: <CreatorsPage /> },
          { path: 'creators/new', element: <RegisterCreatorPage /> },
          { path: 'creators/:id', element: <CreatorPage /> },
          { path: 'creators/:id/edit', element: <EditCreatorPage /> },
          { path: 'campaigns/:id/board', element: <AssignmentsBoardPage /> },
          { path: 'campaigns/:id/report', element: <CampaignReportPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'agreements', element: <AgreementsPage /> },
          { path: 'agreements/new', element: <NewAgreementPage /> },
          { path: 'agreements/:id', element: <AgreementPage /> },
          { path: 'requests', element: <RequestsPage /> },
          { path: 'requests/new', element: <NewRequestPage /> },
          { path: 'requests/:id', element: <RequestPage /> },
          { path: 'campaigns', element: <CampaignsPage /> },
          { path: 'campaigns/:id', element: <CampaignPage /> },
          { path: 'campaigns/:id/briefs/:briefId/fan-out', element: <FanOutPage /> },
          { path: 'fan-outs/:fanOutId', element: <FanOutPage /> },
          { path: 'reviews', element: <ReviewsPage /> },
          { path: 'submissions/:id', element: <SubmissionPage /> },
          { path: 'assignments/:id/submit', element: <SubmitContentPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function App({ client, i18n, basename = '/portal' }: { client: ConcordClient; i18n: I18n; basename?: string }) {
  const [router] = useState(() => createBrowserRouter(routes, { basename }));
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider client={client}>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nextProvider>
  );
}
