import { createContext, useCallback, useContext } from 'react';

/** The little of a data router (createBrowserRouter) this needs: whether it is navigating. */
export interface NavigatingRouter {
  state: { navigation: { state: 'idle' | 'loading' | 'submitting' } };
}

/** The portal's router, for those who must ask it something at the moment (App provides it). */
export const RouterInstance = createContext<NavigatingRouter | null>(null);

/**
 * A function telling, when called, whether the router is on its way to
 * another page (loading that page's code). A page still shown must not
 * navigate by itself meanwhile (a search settling into the address, say):
 * that would cancel where the user asked to go. It asks the router itself,
 * not React state, which a navigation updates only later (in a transition).
 * Outside the portal's router (component tests), nothing is ever pending.
 */
export function useNavigationPending(): () => boolean {
  const router = useContext(RouterInstance);
  return useCallback(() => router !== null && router.state.navigation.state !== 'idle', [router]);
}
