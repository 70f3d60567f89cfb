import { queryOptions } from '@tanstack/react-query';
import { getUserInfo } from '../api';
import { isTransientError } from '../shared/api-error-message';

const MAX_RETRIES = 3;

/**
 * The signed-in user's info. The cache holds one session's data at a time (it is cleared
 * whenever a session ends), so the key need not, and must not, carry the token.
 */
export function userInfoQuery(token: string) {
  return queryOptions({
    queryKey: ['user-info'],
    queryFn: ({ signal }) => getUserInfo(token, { signal }),
    meta: { authenticated: true },
    staleTime: 30_000,
    retry: (failureCount, error) => failureCount < MAX_RETRIES && isTransientError(error),
    // The API's own SDK backs off from 1 s by a factor of 1.2; we do the same, capped.
    retryDelay: (attempt) => Math.min(1000 * 1.2 ** attempt, 10_000),
  });
}
