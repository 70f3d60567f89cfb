/**
 * Build-time rendering of the pages a logged-out visitor lands on, so they paint before
 * any script has run (the browser then hydrates them). Loaded by the prerender plugin in
 * vite.config.ts, never by the browser.
 */
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { loginPageMeta } from '../features/login/login-page';
import { signupPageMeta } from '../features/signup/signup-page';
import type { PageMeta } from '../ui/use-page-meta';
import { App } from './app';
import { createAppState } from './create-app-state';

export const PRERENDERED_PAGES: Record<string, PageMeta> = {
  '/login': loginPageMeta,
  '/signup': signupPageMeta,
};

/** Storage with nothing in it: a first-time visitor, as the prerendered page assumes. */
function emptyStorage(): Storage {
  return {
    length: 0,
    clear: () => undefined,
    getItem: () => null,
    key: () => null,
    removeItem: () => undefined,
    setItem: () => undefined,
  };
}

export function renderPage(path: string): string {
  const { queryClient, sessionStore } = createAppState({
    local: emptyStorage(),
    session: emptyStorage(),
    channelName: 'aurora.prerender',
  });
  try {
    return renderToString(
      <App
        queryClient={queryClient}
        sessionStore={sessionStore}
        router={(routes) => <StaticRouter location={path}>{routes}</StaticRouter>}
      />,
    );
  } finally {
    sessionStore.close();
    queryClient.clear();
  }
}
