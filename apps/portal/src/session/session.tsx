import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { settle, type ConcordClient, type Result } from '../api/client';
import { abilityOf, type Action, type AppAbility, type Me, type SubjectName } from './ability';
import { tokenStore } from './token-store';

export type SessionStatus = 'checking' | 'signed_out' | 'signed_in';

export interface Session {
  status: SessionStatus;
  me?: Me;
  ability?: AppAbility;
  /** Why the user was signed out, to say so on the sign-in page. */
  notice?: 'expired';
  /** Keeps the token if `/v1/me` accepts it; the answer says why not otherwise. */
  signInWithToken(token: string): Promise<Result<Me>>;
  signOut(): void;
  can(action: Action, subject: SubjectName): boolean;
}

const ApiContext = createContext<ConcordClient | null>(null);
const SessionContext = createContext<Session | null>(null);

export function useApiClient(): ConcordClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApiClient outside <SessionProvider>');
  return client;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

interface State {
  status: SessionStatus;
  me?: Me;
  notice?: 'expired';
}

/** Provides the API client and who is signed in; checks a kept token with `/v1/me` on load. */
export function SessionProvider({ client, children }: { client: ConcordClient; children: ReactNode }) {
  const [state, setState] = useState<State>(() => ({ status: tokenStore.get() ? 'checking' : 'signed_out' }));

  useEffect(() => {
    if (!tokenStore.get()) return;
    const controller = new AbortController();
    settle(client.GET('/v1/me', { signal: controller.signal })).then(
      (result) => {
        if (result.ok) return setState({ status: 'signed_in', me: result.data });
        tokenStore.clear();
        setState({ status: 'signed_out', notice: result.problem.status === 401 ? 'expired' : undefined });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [client]);

  useEffect(
    () =>
      tokenStore.onExpired(() => {
        tokenStore.clear();
        setState((current) => (current.status === 'signed_in' ? { status: 'signed_out', notice: 'expired' } : current));
      }),
    [],
  );

  const signInWithToken = useCallback(
    async (token: string) => {
      const previous = tokenStore.get();
      tokenStore.set(token);
      const result = await settle(client.GET('/v1/me'));
      if (result.ok) {
        setState({ status: 'signed_in', me: result.data });
      } else if (previous) {
        tokenStore.set(previous);
      } else {
        tokenStore.clear();
      }
      return result;
    },
    [client],
  );

  const signOut = useCallback(() => {
    tokenStore.clear();
    setState({ status: 'signed_out' });
  }, []);

  const ability = useMemo(() => (state.me ? abilityOf(state.me) : undefined), [state.me]);
  const session = useMemo<Session>(
    () => ({
      ...state,
      ability,
      signInWithToken,
      signOut,
      can: (action, subject) => ability?.can(action, subject) ?? false,
    }),
    [state, ability, signInWithToken, signOut],
  );

  return (
    <ApiContext.Provider value={client}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </ApiContext.Provider>
  );
}
