/** What a run measured (written as JSON), and the targets it is checked against. */
import type { Attribution } from './attribution.ts';
import type { LazyChunkInfo } from './build.ts';
import { JS_RATIO_ROUTES, ROUTES, TARGETS, type Route } from './config.ts';
import type { ApiRequest, FlowName, FlowResult } from './flow.ts';
import { formatBytes } from './gzip.ts';
import { CATEGORIES, type LighthouseResult } from './lighthouse.ts';
import type { Asset, PageWeight } from './page-weight.ts';

export interface RouteWeight extends PageWeight {
  /** JS gzip against the bare React page's. */
  jsRatio: number;
  /** For /profile: it showed the filled form, so the session took. */
  profileFilled?: boolean;
}

export interface BenchResults {
  date: string;
  commit: string | null;
  durationMs: number;
  /** Timings are only as good as the machine was quiet: 1-minute load averages. */
  environment: { cpus: number; loadAverageAtStart: number; loadAverageAtEnd: number };
  targets: typeof TARGETS;
  bare: { jsGzip: number; js: Asset[] };
  routes: Record<Route, RouteWeight>;
  bundle: { lazyChunks: LazyChunkInfo[]; attribution: Attribution };
  flows: Record<FlowName, FlowResult>;
  /** Null when the run was told to skip Lighthouse. */
  lighthouse: LighthouseResult[] | null;
  checks: Check[];
}

export interface Check {
  target: string;
  ok: boolean;
  measured: string;
}

const EXPECTED_API: Record<FlowName, string[]> = {
  login: ['POST /api/v7/login', 'GET /api/v7/user/info'],
  signup: ['POST /api/v7/signup', 'GET /api/v7/user/info'],
};

function sameRequests(actual: ApiRequest[], expected: string[]): boolean {
  const made = actual.map((api) => api.request);
  return made.length === expected.length && expected.every((request) => made.includes(request));
}

export function evaluateTargets(results: Omit<BenchResults, 'checks'>): Check[] {
  const checks: Check[] = [];
  for (const route of JS_RATIO_ROUTES) {
    const weight = results.routes[route];
    checks.push({
      target: `${route} JS ≤ ${TARGETS.maxJsRatio}x bare React`,
      ok: weight.jsRatio <= TARGETS.maxJsRatio,
      measured: `${weight.jsRatio.toFixed(2)}x (${formatBytes(weight.jsGzip)} vs ${formatBytes(results.bare.jsGzip)})`,
    });
  }
  for (const route of ROUTES) {
    const weight = results.routes[route];
    checks.push({
      target: `${route} CSS < ${formatBytes(TARGETS.maxCssGzipBytes)} gzipped`,
      ok: weight.cssGzip < TARGETS.maxCssGzipBytes,
      measured: formatBytes(weight.cssGzip),
    });
    const expectedPath = route === '/profile' ? weight.profileFilled === true : true;
    checks.push({
      target: `${route} loads as itself${route === '/profile' ? ' with a session, form filled' : ''}`,
      ok: weight.finalPath === route && expectedPath,
      measured: `ended at ${weight.finalPath}${route === '/profile' ? `, filled: ${String(weight.profileFilled)}` : ''}`,
    });
  }
  for (const flow of Object.values(results.flows)) {
    const failed = flow.runs.find((run) => run.ms === null);
    checks.push({
      target: `${flow.name}: every run reaches the filled profile form`,
      ok: failed === undefined,
      measured: failed ? `failed: ${failed.error ?? 'unknown'}` : `${flow.runs.length} runs`,
    });
    const expected = EXPECTED_API[flow.name];
    const wrong = flow.runs.filter((run) => !sameRequests(run.apiRequests, expected));
    checks.push({
      target: `${flow.name}: exactly ${TARGETS.apiRequestsPerFlow} API requests (${expected.join(', ')}) in every run`,
      ok: wrong.length === 0,
      measured:
        wrong.length === 0
          ? `${flow.runs.length}/${flow.runs.length} runs`
          : `${wrong.length} run(s) off, e.g. ${wrong[0]?.apiRequests.map((api) => api.request).join(', ') || 'none'}`,
    });
    checks.push({
      target: `${flow.name}: no script request started after the auth answer`,
      ok: flow.maxLateScriptRequests <= TARGETS.lateScriptRequestsPerFlow,
      measured: `at most ${flow.maxLateScriptRequests} late per run`,
    });
  }
  if (results.lighthouse === null) {
    checks.push({
      target: 'Lighthouse 100 in all four categories',
      ok: false,
      measured: 'skipped',
    });
  } else {
    for (const page of results.lighthouse) {
      const low = CATEGORIES.filter(
        (category) => page.scores[category] !== TARGETS.lighthouseScore,
      );
      checks.push({
        target: `Lighthouse ${page.path}: ${TARGETS.lighthouseScore} in all four categories`,
        ok: low.length === 0 && page.finalPath === page.path,
        measured: page.error
          ? `not audited: ${page.error}`
          : page.finalPath !== page.path
            ? `audited ${page.finalPath} instead`
            : CATEGORIES.map((category) => `${category} ${page.scores[category] ?? '-'}`).join(
                ', ',
              ),
      });
    }
  }
  return checks;
}
