import { useMutation } from '@tanstack/react-query';
import { signup } from '../../api';
import { useStartSession } from '../../auth/use-start-session';
import type { SignupValues } from './signup-schema';

/** Creates the account, then starts a session (with its info loaded) that ends with the tab. */
export function useSignup() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: async ({ username, email, password }: SignupValues) => {
      const { accessToken } = await signup({ username, email, password });
      return accessToken;
    },
    onSuccess: (token) => startSession(token, { remember: false }),
  });
}
