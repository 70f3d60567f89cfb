/**
 * From the click on "Log in" (or "Sign up") to the filled profile form, in a fresh browser
 * context each run (cold cache, as a first visit). The time is taken inside the page, from
 * the click event to the first moment /profile shows a Username input with a value. Every
 * request after the click is recorded until the network has been quiet for a while.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page, Request } from '@playwright/test';

export type FlowName = 'login' | 'signup';

export interface Account {
  username: string;
  email: string;
  password: string;
}

export function newAccount(prefix: string): Account {
  const username = `${prefix}_${randomBytes(6).toString('hex')}`;
  return {
    username,
    email: `${username}@example.com`,
    password: `pw-${randomBytes(8).toString('hex')}`,
  };
}

export interface ScriptRequest {
  path: string;
  /** Started after the click, in ms. */
  startMs: number;
  /** Started only once the log-in/sign-up answer had arrived: not already under way. */
  late: boolean;
}

export interface ApiRequest {
  /** "METHOD /path". */
  request: string;
  /** Started after the click, in ms. */
  startMs: number;
  /** From sending it to the last byte of the answer, ms (-1 if it never finished). */
  ms: number;
}

export interface FlowRun {
  /** Click to filled profile form, ms, measured in the page; null if it never got there. */
  ms: number | null;
  /** Why the run failed (the flow stops at the first failed run). */
  error?: string;
  /** Every /api request after the click. */
  apiRequests: ApiRequest[];
  scriptRequests: ScriptRequest[];
}

export interface FlowResult {
  name: FlowName;
  runs: FlowRun[];
  /** Runs that never reached the filled profile form. */
  failedRuns: number;
  /** Over the runs that got there (NaN, i.e. null in JSON, if none did). */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The largest count seen in any run (the target is about every run). */
  maxApiRequests: number;
  minApiRequests: number;
  maxLateScriptRequests: number;
  /** The most script requests any run made after the click (late or not). */
  maxScriptRequests: number;
  /** Median duration of each API request ("METHOD /path") over the runs, ms. */
  medianApiMs: Record<string, number>;
}

const RUN_TIMEOUT_MS = 20_000;
const QUIET_MS = 500;
const SETTLE_LIMIT_MS = 3_000;

// In-page code is passed as strings: functions would be sent as tsx compiled them, with
// helpers the page does not have.
const INSTALL_PROBE = `(() => {
  const probe = { clickAt: null, filledAt: null };
  window.__benchProbe = probe;
  const usernameValue = () => {
    if (location.pathname !== '/profile') return '';
    for (const label of document.querySelectorAll('label')) {
      if (label.textContent.trim() !== 'Username') continue;
      const input = label.control;
      return input && typeof input.value === 'string' ? input.value : '';
    }
    return '';
  };
  document.addEventListener('click', (event) => {
    if (probe.clickAt === null && event.target instanceof Element && event.target.closest('button[type="submit"]')) {
      probe.clickAt = performance.now();
    }
  }, true);
  probe.filled = new Promise((resolve) => {
    const check = () => {
      if (probe.filledAt !== null || usernameValue() === '') return;
      probe.filledAt = performance.now();
      observer.disconnect();
      resolve(true);
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true });
    const tick = () => {
      check();
      if (probe.filledAt === null) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})()`;

/** An expression true once /profile shows the filled form (reused by the page-weight check). */
export const PROFILE_FILLED = `location.pathname === '/profile' && [...document.querySelectorAll('label')].some((label) => label.textContent.trim() === 'Username' && label.control && label.control.value !== '')`;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function fillForm(page: Page, flow: FlowName, account: Account): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(account.username);
  if (flow === 'signup') await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  if (flow === 'signup') {
    await page.getByLabel('Confirm password', { exact: true }).fill(account.password);
  }
}

/** Records requests after `start()`; `quiet()` resolves once none has been active for a while. */
function trackRequests(page: Page) {
  const requests: Request[] = [];
  let recording = false;
  let inFlight = 0;
  let lastActivity = Date.now();
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  page.on('request', (request) => {
    if (!recording) return;
    requests.push(request);
    inFlight += 1;
    lastActivity = Date.now();
  });
  page.on('requestfinished', (request) => {
    if (requests.includes(request)) done();
  });
  page.on('requestfailed', (request) => {
    if (requests.includes(request)) done();
  });
  return {
    requests,
    start() {
      recording = true;
    },
    async quiet(): Promise<void> {
      const deadline = Date.now() + SETTLE_LIMIT_MS;
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastActivity >= QUIET_MS) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

function isApi(request: Request): boolean {
  return new URL(request.url()).pathname.startsWith('/api/');
}

function describeRequests(requests: Request[], flow: FlowName, clickWallMs: number) {
  const authPath = flow === 'login' ? '/api/v7/login' : '/api/v7/signup';
  const auth = requests.find((request) => new URL(request.url()).pathname === authPath);
  const authTiming = auth?.timing();
  // Wall-clock time the auth answer had fully arrived; without one, every script is late.
  const authAnsweredAt =
    authTiming && authTiming.responseEnd >= 0
      ? authTiming.startTime + authTiming.responseEnd
      : -Infinity;
  const apiRequests = requests.filter(isApi).map((request) => {
    const timing = request.timing();
    return {
      request: `${request.method()} ${new URL(request.url()).pathname}`,
      startMs: Math.round(timing.startTime - clickWallMs),
      ms: Math.round(timing.responseEnd),
    };
  });
  const scriptRequests = requests
    .filter((request) => request.resourceType() === 'script')
    .map((request) => {
      const startedAt = request.timing().startTime;
      return {
        path: new URL(request.url()).pathname,
        startMs: Math.round(startedAt - clickWallMs),
        late: startedAt > authAnsweredAt,
      };
    });
  return { apiRequests, scriptRequests };
}

async function runOnce(
  browser: Browser,
  baseUrl: string,
  flow: FlowName,
  account: Account,
): Promise<FlowRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${flow}`, { waitUntil: 'load', timeout: RUN_TIMEOUT_MS });
    const submit = page.getByRole('button', {
      name: flow === 'login' ? 'Log in' : 'Sign up',
      exact: true,
    });
    await submit.waitFor({ timeout: RUN_TIMEOUT_MS });
    await fillForm(page, flow, account);
    const tracker = trackRequests(page);
    await page.evaluate(INSTALL_PROBE);
    tracker.start();
    const clickWallMs = Date.now();
    await submit.click();
    await withTimeout(
      page.evaluate('window.__benchProbe.filled'),
      RUN_TIMEOUT_MS,
      `the ${flow} flow to a filled profile`,
    );
    const times = (await page.evaluate(
      '[window.__benchProbe.clickAt, window.__benchProbe.filledAt]',
    )) as [number | null, number | null];
    await tracker.quiet();
    const [clickAt, filledAt] = times;
    if (clickAt === null || filledAt === null) throw new Error(`the ${flow} probe saw no click`);
    return { ms: filledAt - clickAt, ...describeRequests(tracker.requests, flow, clickWallMs) };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** `accountFor(i)` gives run i its account: the same one to log in, a new one to sign up. */
export async function measureFlow(
  browser: Browser,
  baseUrl: string,
  flow: FlowName,
  runs: number,
  accountFor: (run: number) => Account,
): Promise<FlowResult> {
  const results: FlowRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    try {
      results.push(await runOnce(browser, baseUrl, flow, accountFor(run)));
    } catch (error) {
      // One failed run already misses the target; more would only make the run long.
      const message = error instanceof Error ? error.message : String(error);
      results.push({ ms: null, error: message, apiRequests: [], scriptRequests: [] });
      break;
    }
  }
  const times = results.flatMap((run) => (run.ms === null ? [] : [run.ms]));
  const apiCounts = results.map((run) => run.apiRequests.length);
  const apiDurations = new Map<string, number[]>();
  for (const api of results.flatMap((run) => run.apiRequests)) {
    apiDurations.set(api.request, [...(apiDurations.get(api.request) ?? []), api.ms]);
  }
  return {
    name: flow,
    runs: results,
    failedRuns: results.filter((run) => run.ms === null).length,
    medianMs: median(times),
    minMs: times.length > 0 ? Math.min(...times) : NaN,
    maxMs: times.length > 0 ? Math.max(...times) : NaN,
    maxApiRequests: Math.max(...apiCounts),
    minApiRequests: Math.min(...apiCounts),
    maxLateScriptRequests: Math.max(
      ...results.map((run) => run.scriptRequests.filter((script) => script.late).length),
    ),
    maxScriptRequests: Math.max(...results.map((run) => run.scriptRequests.length)),
    medianApiMs: Object.fromEntries(
      [...apiDurations].map(([request, durations]) => [request, median(durations)]),
    ),
  };
}
