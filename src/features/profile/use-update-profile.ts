import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, login, setUserInfo, type UserInfo } from '../../api';
import { useAccessToken } from '../../auth/auth-context';
import { userInfoQuery } from '../../auth/user-info-query';
import type { ProfileValues } from './profile-schema';

/** The current password was checked and is wrong; nothing was changed. */
export class WrongCurrentPasswordError extends Error {
  constructor() {
    super('The current password is wrong');
    this.name = 'WrongCurrentPasswordError';
  }
}

interface UpdateProfileVariables {
  saved: UserInfo;
  values: ProfileValues;
}

/**
 * Saves the profile. The API has no "check my password" call, so the current password
 * is checked by logging in with the saved username; only then are the changes sent.
 */
export function useUpdateProfile() {
  const token = useAccessToken();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ saved, values }: UpdateProfileVariables) => {
      try {
        await login({ username: saved.username, password: values.currentPassword });
      } catch (error) {
        if (isApiError(error) && error.kind === 'unauthorized')
          throw new WrongCurrentPasswordError();
        throw error;
      }
      await setUserInfo(token, {
        username: values.username,
        email: values.email,
        password: values.newPassword || values.currentPassword,
      });
    },
    meta: { authenticated: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userInfoQuery(token).queryKey }),
  });
}
