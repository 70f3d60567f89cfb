import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login } from '../../api';
import { useAuth } from '../../auth/auth-context';
import { userInfoQuery } from '../../auth/user-info-query';
import type { LoginValues } from './login-schema';

/**
 * Logs in, then loads the user's info before the session starts, so the profile the
 * visitor lands on is already filled. Sent once: a failed log-in is never retried.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  const { logIn } = useAuth();
  return useMutation({
    mutationFn: async ({ username, password }: LoginValues) => {
      const { accessToken } = await login({ username, password });
      return accessToken;
    },
    onSuccess: async (token, { remember }) => {
      await queryClient.prefetchQuery(userInfoQuery(token));
      logIn(token, { remember });
    },
  });
}
