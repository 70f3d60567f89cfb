import { useEffect } from 'react';
import { useLocation } from 'react-router';

export const UNSAVED_CHANGES_QUESTION = 'You have unsaved changes. Leave this page and lose them?';

/** The history index React Router keeps in each entry's state. */
function historyIndex(state: unknown): number | null {
  if (typeof state !== 'object' || state === null || !('idx' in state)) return null;
  return typeof state.idx === 'number' ? state.idx : null;
}

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * Asks before leaving the page while there are unsaved edits: by a link, by the
 * browser's back and forward buttons, or by closing or reloading the tab.
 *
 * Links are asked about before the router sees the click (a capture listener that
 * cancels it); back/forward has already moved the URL when it is heard, so a "stay"
 * moves it back before the router sees that either. An ended session unmounts the form
 * first, so a sign-out the user did not ask for never asks.
 */
export function useUnsavedChangesGuard(hasUnsavedChanges: boolean): void {
  const { pathname } = useLocation();

  useEffect(() => {
    if (!hasUnsavedChanges) return;

    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || !isPlainLeftClick(event)) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== '_self'))
        return;
      const destination = new URL(anchor.href, window.location.href);
      if (destination.origin !== window.location.origin || destination.pathname === pathname)
        return;
      if (!window.confirm(UNSAVED_CHANGES_QUESTION)) event.preventDefault();
    };

    const here = historyIndex(window.history.state);
    let undoing = false;
    const onPopState = (event: PopStateEvent) => {
      if (undoing) {
        undoing = false;
        event.stopImmediatePropagation();
        return;
      }
      const there = historyIndex(event.state);
      if (here === null || there === null || there === here) return;
      if (window.confirm(UNSAVED_CHANGES_QUESTION)) return;
      event.stopImmediatePropagation();
      undoing = true;
      window.history.go(here - there);
    };

    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();

    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPopState, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPopState, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [hasUnsavedChanges, pathname]);
}
