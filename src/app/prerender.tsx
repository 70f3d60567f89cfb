/**
 * Build-time rendering of the pages' first frames, so they paint before any script has
 * run: log-in and sign-up as a logged-out visitor sees them, the profile's frame as a
 * visitor with a session sees it before their profile has arrived. The browser then
 * hydrates each (src/main.tsx). Loaded by the prerender plugin in vite.config.ts, never
 * by the browser.
 */
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import type { SessionState } from '../auth/session-store';
import { loginPageMeta } from '../features/login/login-page';
import { profilePageMeta } from '../features/profile/profile-page';
import { signupPageMeta } from '../features/signup/signup-page';
import type { PageMeta } from '../ui/use-page-meta';
import { App } from './app';
import { createAppState } from './create-app-state';

// The tab title the app sets, for the prerendered page's <title>.
export { documentTitle } from '../ui/use-page-meta';

export interface PrerenderedPage extends PageMeta {
  /** The visitors it is rendered for; public/session-hint.js hides it from the others. */
  visitor: SessionState['status'];
}

export const PRERENDERED_PAGES: Record<string, PrerenderedPage> = {
  '/login': { ...loginPageMeta, visitor: 'anonymous' },
  '/signup': { ...signupPageMeta, visitor: 'anonymous' },
  '/profile': { ...profilePageMeta, visitor: 'authenticated' },
};

/**
 * A token that only stands for "has a session": at build time nothing sends it (no effect
 * runs and no query fetches in `renderToString`), and no page shows a token.
 */
const PLACEHOLDER_TOKEN = 'prerender-placeholder';

/** Storage as the visitor's browser would hold it: empty, or holding their session. */
function storageFor(visitor: PrerenderedPage['visitor']): Storage {
  const token = visitor === 'authenticated' ? PLACEHOLDER_TOKEN : null;
  return {
    length: token === null ? 0 : 1,
    clear: () => undefined,
    getItem: () => token,
    key: () => null,
    removeItem: () => undefined,
    setItem: () => undefined,
  };
}

export function renderPage(path: string): string {
  const page = PRERENDERED_PAGES[path];
  if (!page) throw new Error(`${path} is not a prerendered page`);
  const storage = storageFor(page.visitor);
  const { queryClient, sessionStore } = createAppState({
    local: storage,
    session: storage,
    channelName: 'aurora.prerender',
  });
  try {
    const html = renderToString(
      <App
        queryClient={queryClient}
        sessionStore={sessionStore}
        router={(routes) => <StaticRouter location={path}>{routes}</StaticRouter>}
      />,
    );
    if (html.includes(PLACEHOLDER_TOKEN)) throw new Error(`${path} rendered its session token`);
    return html;
  } finally {
    sessionStore.close();
    queryClient.clear();
  }
}
