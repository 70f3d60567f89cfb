import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False while React is hydrating a prerendered page (and in the prerender itself), true
 * once the page is live. A prerendered form stays disabled until then: typing would not
 * reach the form's state, and a submit would be a bare HTML one.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
