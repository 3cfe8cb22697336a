import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ConcordClient } from '../api/client';
import { createI18n, type Language } from '../i18n';
import { SessionProvider } from '../session/session';

export interface PortalOptions {
  /** The API the session talks to (a `fakeClient`). */
  client: ConcordClient;
  /** The address the router starts at. */
  at?: string;
  language?: Language;
}

/** Renders `ui` as the portal does: in a language, signed in through `client`, inside a router. */
export function renderInPortal(ui: ReactElement, { client, at = '/', language = 'en' }: PortalOptions) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <SessionProvider client={client}>
        <MemoryRouter initialEntries={[at]}>{ui}</MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  );
}

/** Renders the pages at their routes (path → page), starting at `at`. */
export function renderRoutes(routes: Record<string, ReactElement>, options: PortalOptions & { at: string }) {
  return renderInPortal(
    <Routes>
      {Object.entries(routes).map(([path, element]) => (
        <Route key={path} path={path} element={element} />
      ))}
    </Routes>,
    options,
  );
}

/** What `GET /v1/me` answers for a member of an agency's staff. */
export function staffMember(id: string, name: string, agency: string, roles: string[]) {
  return { user: { id, name }, agency: { id: agency }, creator: null, roles, permissions: [] };
}

/** What `GET /v1/me` answers for a creator signed in to the portal. */
export function creatorMember(id: string, name: string, creator: { id: string; name: string }) {
  return { user: { id, name }, agency: null, creator, roles: ['creator'], permissions: [] };
}
