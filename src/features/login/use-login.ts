import { useMutation } from '@tanstack/react-query';
import { login } from '../../api';
import { useStartSession } from '../../auth/use-start-session';
import type { LoginValues } from './login-schema';

/**
 * Logs in, then starts the session with the user's info loaded, so the profile the
 * visitor lands on is already filled. Sent once: a failed log-in is never retried.
 */
export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async ({ username, password }: LoginValues) => {
      const { accessToken } = await login({ username, password });
      return accessToken;
    },
    onSuccess: (token, { remember }) => startSession(token, { remember }),
  });
}
