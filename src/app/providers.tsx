import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AuthProvider } from '../auth/auth-context';
import type { SessionStore } from '../auth/session-store';

export function Providers({
  queryClient,
  sessionStore,
  children,
}: {
  queryClient: QueryClient;
  sessionStore: SessionStore;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider store={sessionStore}>{children}</AuthProvider>
    </QueryClientProvider>
  );
}
