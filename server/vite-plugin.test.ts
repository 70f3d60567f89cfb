import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createServer as createViteServer,
  preview,
  type InlineConfig,
  type PreviewServer,
  type ViteDevServer,
} from 'vite';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { openDatabase } from './db.ts';
import {
  countUsers,
  newAccount,
  sendRequest,
  startTestApi,
  TEST_SCRYPT,
  type TestApi,
} from './test-support/api-server.ts';
import { auroraApi, type AuroraApiOptions } from './vite-plugin.ts';

let root: string;
let backend: TestApi;
beforeAll(async () => {
  backend = await startTestApi();
  root = mkdtempSync(join(tmpdir(), 'aurora-vite-'));
  const html = '<!doctype html><title>Aurora portal</title><div id="root"></div>';
  writeFileSync(join(root, 'index.html'), html);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.html'), html);
});
afterAll(async () => {
  await backend.close();
  rmSync(root, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function viteConfig(options: AuroraApiOptions): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [auroraApi(options)],
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, ws: false, watch: null },
    preview: { host: '127.0.0.1', port: 0 },
  };
}

function urlOf(httpServer: Server | null | { address(): unknown }): string {
  const { port } = (httpServer?.address() ?? {}) as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function startDev(
  options: AuroraApiOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: ViteDevServer = await createViteServer(viteConfig(options));
  await server.listen();
  return { url: urlOf(server.httpServer as Server), close: () => server.close() };
}

async function startPreview(options: AuroraApiOptions) {
  const server: PreviewServer = await preview(viteConfig(options));
  return { url: urlOf(server.httpServer as Server), close: () => server.close() };
}

const signupBody = (account = newAccount()) => ({ json: account });

test.each([
  ['dev', startDev],
  ['preview', startPreview],
])('the %s server serves the API and the portal on one origin', async (_name, start) => {
  const dir = mkdtempSync(join(tmpdir(), 'aurora-vite-db-'));
  const databasePath = join(dir, 'aurora.db');
  const server = await start({ databasePath, scrypt: TEST_SCRYPT });
  try {
    const account = newAccount();
    const signup = await sendRequest(server.url, 'POST', '/api/v7/signup', signupBody(account));
    expect(signup.status).toBe(200);
    const token = (signup.body as { accessToken: string }).accessToken;
    const info = await sendRequest(server.url, 'GET', '/api/v7/user/info', { token });
    expect(info.body).toEqual({ success: true, username: account.username, email: account.email });
    expect((await sendRequest(server.url, 'GET', '/api/v7/nowhere')).status).toBe(404);

    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Aurora portal');
  } finally {
    await server.close();
  }
  // Closing the server closed the database: the last connection removes the WAL file.
  expect(existsSync(`${databasePath}-wal`)).toBe(false);
  const db = openDatabase(databasePath);
  expect(countUsers(db)).toBe(1);
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the plugin takes the database and limits from AURORA_ variables', async () => {
  vi.stubEnv('AURORA_DB', ':memory:');
  vi.stubEnv('AURORA_SIGNUP_LIMIT', '1');
  vi.stubEnv('AURORA_LOGIN_FAILURE_LIMIT', '1');
  const server = await startDev({ scrypt: TEST_SCRYPT });
  try {
    expect((await sendRequest(server.url, 'POST', '/api/v7/signup', signupBody())).status).toBe(
      200,
    );
    const second = await sendRequest(server.url, 'POST', '/api/v7/signup', signupBody());
    expect(second.status).toBe(429);
    const login = () =>
      sendRequest(server.url, 'POST', '/api/v7/login', {
        json: { username: 'nobody', password: 'wrong-password' },
      });
    expect((await login()).status).toBe(401);
    expect((await login()).status).toBe(429);
  } finally {
    await server.close();
  }
});

test.each([
  ['dev', startDev],
  ['preview', startPreview],
])(
  'with AURORA_API_URL the %s server proxies /api there and opens no database',
  async (_name, start) => {
    vi.stubEnv('AURORA_API_URL', backend.url);
    // A path where a database would be created, were one opened.
    const unused = join(root, 'must-not-exist', 'aurora.db');
    vi.stubEnv('AURORA_DB', unused);
    const server = await start({ scrypt: TEST_SCRYPT });
    try {
      const before = countUsers(backend.db);
      const account = newAccount('proxied');
      const signup = await sendRequest(server.url, 'POST', '/api/v7/signup', signupBody(account));
      expect(signup.status).toBe(200);
      expect(countUsers(backend.db)).toBe(before + 1);

      const token = (signup.body as { accessToken: string }).accessToken;
      const info = await sendRequest(server.url, 'GET', '/api/v7/user/info', { token });
      expect(info.body).toEqual({
        success: true,
        username: account.username,
        email: account.email,
      });
      const denied = await sendRequest(server.url, 'GET', '/api/v7/user/info', { token: 'nope' });
      expect(denied.status).toBe(401);
    } finally {
      await server.close();
    }
    expect(existsSync(unused)).toBe(false);
  },
);

test('the proxy sets the target’s origin as Host (changeOrigin)', async () => {
  const seen: (string | undefined)[] = [];
  const echo = createHttpServer((req, res) => {
    seen.push(req.headers.host);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ success: true, path: req.url }));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  const echoUrl = urlOf(echo);
  const server = await startDev({ apiUrl: echoUrl });
  try {
    const response = await sendRequest(server.url, 'GET', '/api/v7/user/info?x=1');
    expect(response.body).toEqual({ success: true, path: '/api/v7/user/info?x=1' });
    expect(seen).toEqual([new URL(echoUrl).host]);
    // Only /api is forwarded; the portal itself is still served locally.
    expect(await (await fetch(`${server.url}/`)).text()).toContain('Aurora portal');
    expect(seen).toHaveLength(1);
  } finally {
    await server.close();
    await new Promise((resolve) => echo.close(resolve));
  }
});
