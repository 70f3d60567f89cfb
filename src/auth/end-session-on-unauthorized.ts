import { isApiError } from '../api';
import type { SessionStore } from './session-store';

/**
 * The one 401 path: any authenticated query or mutation that is refused ends the session
 * as expired (which also clears the cache). Wire it into the QueryCache and MutationCache.
 */
export function endSessionOnUnauthorized(store: SessionStore) {
  return (error: unknown, meta: { authenticated?: boolean } | undefined): void => {
    if (meta?.authenticated && isApiError(error) && error.kind === 'unauthorized') {
      store.end('expired');
    }
  };
}
