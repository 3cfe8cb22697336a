/**
 * The signed-in user's token, kept in sessionStorage: it lives as long as the
 * browser tab and is never shared with other tabs or kept on disk after it.
 */
const TOKEN_KEY = 'concord.token';
const expiredListeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export const tokenStore = {
  get(): string | undefined {
    return storage()?.getItem(TOKEN_KEY) ?? undefined;
  },
  set(token: string): void {
    storage()?.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    storage()?.removeItem(TOKEN_KEY);
  },
  /** The API refused the token (expired or revoked). */
  expire(): void {
    for (const listener of expiredListeners) listener();
  },
  onExpired(listener: () => void): () => void {
    expiredListeners.add(listener);
    return () => expiredListeners.delete(listener);
  },
};
