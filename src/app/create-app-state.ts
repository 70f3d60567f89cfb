import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { endSessionOnUnauthorized } from '../auth/end-session-on-unauthorized';
import { createSessionStore, type SessionStoreOptions } from '../auth/session-store';
import { discardProfileDraft } from '../features/profile/profile-draft';

/**
 * The query cache and the session, wired to each other: a 401 on an authenticated
 * request ends the session, and ending a session empties the cache, so the next account
 * on this browser never sees the previous one's data.
 */
export function createAppState(options: Omit<SessionStoreOptions, 'onEnd'> = {}) {
  const sessionStore = createSessionStore({
    ...options,
    onEnd: (reason) => {
      void queryClient.cancelQueries();
      queryClient.clear();
      // Edits kept across an expired session are for the same user logging back in;
      // any other ending throws them away.
      if (reason !== 'expired') discardProfileDraft();
    },
  });
  const endOnUnauthorized = endSessionOnUnauthorized(sessionStore);
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => endOnUnauthorized(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => endOnUnauthorized(error, mutation.meta),
    }),
    defaultOptions: {
      queries: { refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return { queryClient, sessionStore };
}
