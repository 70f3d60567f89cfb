/** Where the benchmark builds, serves and writes, and what it holds the portal to. */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PORTAL_OUT_DIR = path.join(ROOT, 'dist');
export const BARE_ROOT = path.join(import.meta.dirname, 'bare');
export const BARE_OUT_DIR = path.join(ROOT, 'dist-bench/bare');
export const RESULTS_FILE = path.join(ROOT, 'bench-results/latest.json');

export const HOST = '127.0.0.1';
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The key the portal keeps its access token under (src/auth/session-store.ts). */
const SESSION_STORAGE_KEY = 'aurora.session';

/** Browser code that stores a session as a returning visitor ("Remember me") has it. */
export function storeSessionScript(token: string): string {
  return `localStorage.setItem(${JSON.stringify(SESSION_STORAGE_KEY)}, ${JSON.stringify(token)});`;
}

/** The routes whose weight is measured; /profile is loaded with a session. */
export const ROUTES = ['/login', '/signup', '/profile'] as const;
export type Route = (typeof ROUTES)[number];

/** Click-to-profile runs per flow; the median is reported. */
export const FLOW_RUNS = 10;

/** Lighthouse audits per page; the median run is reported and checked. */
export const LIGHTHOUSE_RUNS = 3;

/** Where the reported run's full Lighthouse report goes, per page. */
export function lighthouseReportFile(route: string): string {
  return path.join(path.dirname(RESULTS_FILE), `lighthouse${route.replaceAll('/', '-')}.json`);
}

/** The whole run is stopped (servers and browsers too) if it takes longer than this. */
export const RUN_TIMEOUT_MS = 10 * 60_000;

/** The targets; `--check` fails on any one missed. */
export const TARGETS = {
  /** /login and /signup JS (gzip -9) against the bare React page's. */
  maxJsRatio: 1.85,
  /** Gzipped CSS of a page, in bytes ("under 6 KB"). */
  maxCssGzipBytes: 6_000,
  /** Every Lighthouse category on every audited page. */
  lighthouseScore: 100,
  /** From the click to the filled profile: the auth request and the user info. */
  apiRequestsPerFlow: 2,
  /** Script requests started only after the auth answer arrived. */
  lateScriptRequestsPerFlow: 0,
} as const;

export const JS_RATIO_ROUTES: readonly Route[] = ['/login', '/signup'];
