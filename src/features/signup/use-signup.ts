import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signup } from '../../api';
import { useAuth } from '../../auth/auth-context';
import { userInfoQuery } from '../../auth/user-info-query';
import type { SignupValues } from './signup-schema';

/** Creates the account, loads its info, then starts a session that ends with the tab. */
export function useSignup() {
  const queryClient = useQueryClient();
  const { logIn } = useAuth();
  return useMutation({
    mutationFn: async ({ username, email, password }: SignupValues) => {
      const { accessToken } = await signup({ username, email, password });
      return accessToken;
    },
    onSuccess: async (token) => {
      await queryClient.prefetchQuery(userInfoQuery(token));
      logIn(token, { remember: false });
    },
  });
}
