import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { Session } from '../api/types';
import { endSession, refreshSession, sessionStore, startSession, type SessionState, type User } from './session';

export interface Auth {
  session: SessionState;
  user: User | null;
  /** Starts the session the API answered with (a login, an accepted invitation). */
  signIn(session: Session): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** Restores the session from the refresh cookie at start-up, then renders the portal. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (sessionStore.get().status === 'starting') void refreshSession();
  }, []);

  const signIn = useCallback(
    (next: Session) => {
      queryClient.clear();
      startSession(next);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    // The cookie is revoked by the API; the page forgets the token and every cached answer even if that call fails.
    await unwrap(api.POST('/api/auth/logout')).catch(() => undefined);
    endSession();
    queryClient.clear();
  }, [queryClient]);

  const auth = useMemo<Auth>(() => ({ session, user: session.status === 'signed-in' ? session.user : null, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
