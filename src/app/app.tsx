import type { QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import type { SessionStore } from '../auth/session-store';
import { Providers } from './providers';
import { AppRoutes } from './router';

interface AppProps {
  queryClient: QueryClient;
  sessionStore: SessionStore;
  /** The router: BrowserRouter in the browser, StaticRouter when prerendering. */
  router: (routes: ReactNode) => ReactNode;
}

/** The whole portal, the same tree whether it renders in the browser or at build time. */
export function App({ queryClient, sessionStore, router }: AppProps) {
  return (
    <StrictMode>
      <Providers queryClient={queryClient} sessionStore={sessionStore}>
        {router(<AppRoutes />)}
      </Providers>
    </StrictMode>
  );
}
