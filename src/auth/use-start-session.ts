import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from './auth-context';
import { userInfoQuery } from './user-info-query';

/**
 * Starts a session once the user's info is loaded, so the profile the visitor lands on
 * is already filled (one render with the final values, never an empty form first).
 */
export function useStartSession() {
  const queryClient = useQueryClient();
  const { logIn } = useAuth();
  return async (token: string, options: { remember: boolean }): Promise<void> => {
    await queryClient.prefetchQuery(userInfoQuery(token));
    logIn(token, options);
  };
}
