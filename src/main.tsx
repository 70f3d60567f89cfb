import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createAppState } from './app/create-app-state';
import { Providers } from './app/providers';
import { createAppRouter } from './app/router';
import './styles.css';

const { queryClient, sessionStore } = createAppState();
const router = createAppRouter();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient} sessionStore={sessionStore}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
