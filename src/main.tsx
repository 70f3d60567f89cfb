import { startTransition } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app';
import { createAppState } from './app/create-app-state';
import './styles.css';

const { queryClient, sessionStore } = createAppState();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const app = (
  <App
    queryClient={queryClient}
    sessionStore={sessionStore}
    router={(routes) => <BrowserRouter>{routes}</BrowserRouter>}
  />
);

// A page prerendered (see src/app/prerender.tsx) for this path and this kind of visitor
// (with or without a session) comes alive in place: it is hydrated, in a transition so
// the work is split into short tasks. Anything else there (a log-in page for a visitor
// with a session, say) is replaced by the app's own first frame in one go, so no frame
// shows it half-replaced or empty.
const { prerendered, prerenderedFor } = root.dataset;
delete root.dataset.prerendered;
delete root.dataset.prerenderedFor;
if (prerendered === window.location.pathname && prerenderedFor === sessionStore.getState().status) {
  startTransition(() => {
    hydrateRoot(root, app);
  });
} else {
  const reactRoot = createRoot(root);
  flushSync(() => {
    reactRoot.render(app);
  });
}
