/**
 * Serves the two builds with Vite's preview server (JS API) on loopback ports the OS
 * picks. The portal's preview mounts the local Aurora API (server/vite-plugin.ts), which
 * reads its settings from the environment when the config loads: a fresh database in a
 * temp dir, a sign-up limit high enough for the runs, and no remote API.
 */
import type { AddressInfo } from 'node:net';
import { preview, type PreviewServer } from 'vite';
import { BARE_OUT_DIR, BARE_ROOT, HOST, PORTAL_OUT_DIR, ROOT } from './config.ts';

/** The benchmark signs up one account per sign-up run and a few more, all from 127.0.0.1. */
const SIGNUP_LIMIT = '10000';

export interface Served {
  url: string;
  close(): Promise<void>;
}

function urlOf(server: PreviewServer): string {
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address) throw new Error('the preview server is not listening');
  return `http://${HOST}:${address.port}`;
}

/**
 * The variables the builds and the API read; set before the portal's config is loaded.
 * NODE_ENV decides which React build is bundled: the benchmark weighs production builds.
 */
export function useBenchEnv(dbFile: string): void {
  process.env.NODE_ENV = 'production';
  process.env.AURORA_DB = dbFile;
  process.env.AURORA_SIGNUP_LIMIT = SIGNUP_LIMIT;
  delete process.env.AURORA_LOGIN_FAILURE_LIMIT;
  delete process.env.AURORA_API_URL;
  delete process.env.VITE_API_BASE_URL;
}

export async function servePortal(): Promise<Served> {
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: PORTAL_OUT_DIR },
    preview: { host: HOST, port: 0, strictPort: true, open: false },
  });
  return { url: urlOf(server), close: () => server.close() };
}

export async function serveBare(): Promise<Served> {
  const server = await preview({
    root: BARE_ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: BARE_OUT_DIR },
    preview: { host: HOST, port: 0, strictPort: true, open: false },
  });
  return { url: urlOf(server), close: () => server.close() };
}

interface TokenResponse {
  accessToken?: unknown;
}

/** A new account through the API; returns its access token. */
export async function signUpViaApi(
  baseUrl: string,
  account: { username: string; email: string; password: string },
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v7/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(account),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as TokenResponse;
  if (!response.ok || typeof body.accessToken !== 'string') {
    throw new Error(`sign-up via the API failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}
