import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the production build served by `vite preview` with the local API
 * (see e2e/global-setup.ts), driven in Debian's Chromium, since browsers cannot be
 * downloaded here. Every test talks to 127.0.0.1 only.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 720 },
    // Set by the global setup before any worker starts.
    baseURL: process.env.AURORA_E2E_BASE_URL,
    headless: true,
    // Recording traces costs about a fifth of the run on a 2-core machine: pass
    // `--trace retain-on-failure` when a failure needs one.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
