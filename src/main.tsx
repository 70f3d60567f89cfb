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

// A prerendered page (see src/app/prerender.tsx) was rendered for a logged-out visitor
// at its own path; anyone else gets a fresh render in its place.
const prerenderedPath = root.dataset.prerendered;
delete root.dataset.prerendered;
if (
  prerenderedPath === window.location.pathname &&
  sessionStore.getState().status === 'anonymous'
) {
  hydrateRoot(root, app);
} else {
  root.replaceChildren();
  createRoot(root).render(app);
}
