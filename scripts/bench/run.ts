/**
 * The portal's performance benchmark: `npm run bench` measures and exits 0 whatever the
 * numbers; `npm run bench:check` (`--check`) also exits 1 when a target is missed.
 *
 * 1. Builds the portal (dist/) and a bare React 19 page (dist-bench/bare/) with the same
 *    target, and rebuilds the portal in memory without each library to cost it.
 * 2. Serves both with `vite preview` on loopback; the portal's API gets a fresh temp DB.
 * 3. Loads /login, /signup and a logged-in /profile in Chromium and weighs the JS and CSS
 *    each fetches until network idle, against the bare page.
 * 4. Times the click on "Log in" / "Sign up" to the filled profile form, and counts the
 *    requests it makes.
 * 5. Runs Lighthouse on the three pages.
 *
 * Options: --check, --runs N (click-to-profile runs per flow, default 10),
 * --lighthouse-runs N (audits per page, the median reported; default 3),
 * --skip-lighthouse (quicker, for working on the bench; --check then fails).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { attributeInitialJs } from './attribution.ts';
import { buildBare, buildPortal, lazyChunks, portalBuildTarget } from './build.ts';
import {
  CHROME_ARGS,
  CHROME_PATH,
  FLOW_RUNS,
  LIGHTHOUSE_RUNS,
  lighthouseReportFile,
  RESULTS_FILE,
  ROOT,
  ROUTES,
  RUN_TIMEOUT_MS,
  TARGETS,
  type Route,
} from './config.ts';
import { measureFlow, newAccount, PROFILE_FILLED } from './flow.ts';
import { runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { measurePageWeight } from './page-weight.ts';
import { formatReport } from './report.ts';
import { evaluateTargets, type BenchResults, type RouteWeight } from './results.ts';
import { makeTempDir } from '../temp-dir.ts';
import { serveBare, servePortal, signUpViaApi, useBenchEnv } from './serve.ts';

const { values: options } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    runs: { type: 'string', default: String(FLOW_RUNS) },
    'lighthouse-runs': { type: 'string', default: String(LIGHTHOUSE_RUNS) },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});
function positiveWholeNumber(option: 'runs' | 'lighthouse-runs'): number {
  const value = Number(options[option]);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${option} must be a positive whole number`);
  }
  return value;
}
const runs = positiveWholeNumber('runs');
const lighthouseRuns = positiveWholeNumber('lighthouse-runs');

/** Everything started, stopped in reverse order however the run ends. */
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup?.();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

const startedAt = Date.now();
function log(message: string): void {
  const elapsed = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(5);
  console.log(`[bench ${elapsed}s] ${message}`);
}

function currentCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
}

async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: CHROME_ARGS,
    timeout: 30_000,
  });
  cleanups.push(() => browser.close());
  return browser;
}

async function measure(): Promise<BenchResults> {
  const started = Date.now();
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const temp = await makeTempDir('aurora-bench');
  cleanups.push(() => temp.remove());
  useBenchEnv(path.join(temp.dir, 'aurora.db'));

  log('building the portal and the bare React page');
  const target = await portalBuildTarget();
  const portalBuild = await buildPortal();
  await buildBare(target);
  log('costing each library (in-memory builds)');
  const attribution = await attributeInitialJs(portalBuild);

  const portal = await servePortal();
  cleanups.push(() => portal.close());
  const bare = await serveBare();
  cleanups.push(() => bare.close());
  log(`serving the portal at ${portal.url}, the bare page at ${bare.url}`);

  const browser = await launchBrowser();
  log('weighing the pages');
  const bareWeight = await measurePageWeight(browser, `${bare.url}/`);
  const profileToken = await signUpViaApi(portal.url, newAccount('bench_weight'));
  const routes = {} as Record<Route, RouteWeight>;
  for (const route of ROUTES) {
    const weight = await measurePageWeight(
      browser,
      `${portal.url}${route}`,
      route === '/profile' ? { token: profileToken, probe: PROFILE_FILLED } : {},
    );
    const { probe, ...rest } = weight;
    routes[route] = {
      ...rest,
      jsRatio: weight.jsGzip / bareWeight.jsGzip,
      ...(probe === undefined ? {} : { profileFilled: probe }),
    };
  }

  log(`timing click to filled profile, ${runs} runs per flow`);
  const loginAccount = newAccount('bench_login');
  await signUpViaApi(portal.url, loginAccount);
  const login = await measureFlow(browser, portal.url, 'login', runs, () => loginAccount);
  const signup = await measureFlow(browser, portal.url, 'signup', runs, () =>
    newAccount('bench_signup'),
  );
  await browser.close();

  let lighthouse: LighthouseResult[] | null = null;
  if (!options['skip-lighthouse']) {
    lighthouse = [];
    for (const route of ROUTES) {
      log(`Lighthouse ${route}, ${lighthouseRuns} run(s)`);
      const token =
        route === '/profile'
          ? await signUpViaApi(portal.url, newAccount('bench_lighthouse'))
          : undefined;
      lighthouse.push(
        await runLighthouse(portal.url, route, {
          ...(token ? { token } : {}),
          runs: lighthouseRuns,
          reportFile: lighthouseReportFile(route),
        }),
      );
    }
  }

  const measured = {
    date: new Date().toISOString(),
    commit: currentCommit(),
    durationMs: Date.now() - started,
    environment: {
      cpus: availableParallelism(),
      loadAverageAtStart,
      loadAverageAtEnd: loadavg()[0] ?? 0,
    },
    targets: TARGETS,
    bare: { jsGzip: bareWeight.jsGzip, js: bareWeight.js },
    routes,
    bundle: { lazyChunks: lazyChunks(portalBuild), attribution },
    flows: { login, signup },
    lighthouse,
  };
  return { ...measured, checks: evaluateTargets(measured) };
}

async function main(): Promise<number> {
  const watchdog = setTimeout(() => {
    console.error(`[bench] gave up after ${RUN_TIMEOUT_MS / 1000} s`);
    void cleanUp().finally(() => process.exit(1));
  }, RUN_TIMEOUT_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    const results = await measure();
    await cleanUp();
    console.log(formatReport(results));
    await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
    await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${path.relative(ROOT, RESULTS_FILE)} (${(results.durationMs / 1000).toFixed(0)} s)`);
    const missed = results.checks.filter((check) => !check.ok);
    if (options.check && missed.length > 0) {
      console.error(`[bench] ${missed.length} target(s) missed:`);
      for (const check of missed) console.error(`  - ${check.target}: ${check.measured}`);
      return 1;
    }
    return 0;
  } catch (error) {
    console.error('[bench] the run failed:', error);
    await cleanUp();
    return 1;
  } finally {
    clearTimeout(watchdog);
  }
}

process.exitCode = await main();
// Everything this run started is stopped by now; should a handle linger, don't wait on it.
setTimeout(() => process.exit(), 10_000).unref();
