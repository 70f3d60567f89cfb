import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createAppState } from './app/create-app-state';
import { Providers } from './app/providers';
import { AppRoutes } from './app/router';
import './styles.css';

const { queryClient, sessionStore } = createAppState();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient} sessionStore={sessionStore}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  </StrictMode>,
);
