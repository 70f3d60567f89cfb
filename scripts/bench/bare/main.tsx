// The yardstick for the portal's JS weight: React 19 and nothing else, built the same way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <h1>Hello</h1>
  </StrictMode>,
);
