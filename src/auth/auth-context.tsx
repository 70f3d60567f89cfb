import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { SessionState, SessionStore } from './session-store';

interface AuthContextValue {
  session: SessionState;
  logIn: SessionStore['start'];
  logOut: SessionStore['end'];
  /** The session as it is now, for code that runs outside render (e.g. an unmount). */
  getSession: SessionStore['getState'];
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const session = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  return (
    <AuthContext
      value={{ session, logIn: store.start, logOut: store.end, getSession: store.getState }}
    >
      {children}
    </AuthContext>
  );
}

export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The token of the current session, for components that only render inside the guard. */
export function useAccessToken(): string {
  const { session } = useAuth();
  if (session.status !== 'authenticated') throw new Error('useAccessToken needs a session');
  return session.token;
}
