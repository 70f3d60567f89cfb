/**
 * Lighthouse (Node API, default config: mobile emulation, simulated throttling) against a
 * Chromium this module starts itself, one fresh browser and profile per page. For a
 * logged-in page the session token is put in the origin's localStorage first (through a
 * page that loads none of the portal's code) and the HTTP cache is cleared, and Lighthouse
 * is told not to wipe storage, so the audit sees a returning visitor with a cold cache.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { stopProcess } from '../child-process.ts';
import { CHROME_ARGS, CHROME_PATH, HOST, storeSessionScript } from './config.ts';
import { makeTempDir } from '../temp-dir.ts';

const START_TIMEOUT_MS = 20_000;

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LostPoints {
  category: Category;
  id: string;
  title: string;
  score: number;
  /** The audit's weight in its category. */
  weight: number;
  displayValue?: string;
  /** A short account of the audit's details (the items it flagged). */
  details?: string;
}

export interface LighthouseResult {
  path: string;
  finalPath: string;
  /** Of the reported run (the median one when there were several). */
  scores: Record<Category, number | null>;
  /** The performance score of each run, in order. */
  performanceRuns: (number | null)[];
  lostPoints: LostPoints[];
  /** Audits that cost no points but are flagged (opportunities, diagnostics), for leads. */
  flagged: { id: string; title: string; displayValue?: string }[];
  /** Lighthouse's own warnings, e.g. about the host's CPU. */
  warnings: string[];
  metrics: Record<string, number | undefined>;
  /** Lighthouse's measure of this machine's CPU at the time (higher is faster). */
  benchmarkIndex: number;
  /** Set when Lighthouse could not audit the page; the scores are then null. */
  error?: string;
}

function failed(path: string, error: unknown): LighthouseResult {
  return {
    path,
    finalPath: '',
    scores: { performance: null, accessibility: null, 'best-practices': null, seo: null },
    performanceRuns: [null],
    lostPoints: [],
    flagged: [],
    warnings: [],
    metrics: {},
    benchmarkIndex: NaN,
    error: error instanceof Error ? error.message : String(error),
  };
}

interface Chrome {
  port: number;
  stop(): Promise<void>;
}

async function startChrome(): Promise<Chrome> {
  const profile = await makeTempDir('aurora-bench-chrome');
  const child = spawn(
    CHROME_PATH,
    [
      ...CHROME_ARGS,
      '--headless=new',
      `--remote-debugging-address=${HOST}`,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile.dir}`,
      '--no-first-run',
      '--no-default-browser-check',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stop = async () => {
    await stopProcess(child);
    await profile.remove();
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`Chromium did not open its DevTools port:\n${output}`)),
        START_TIMEOUT_MS,
      );
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited (${code}) before it was ready:\n${output}`));
      });
    });
    child.stderr?.resume();
    return { port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Puts the token in the origin's localStorage, then empties the HTTP cache. */
async function seedSession(port: number, origin: string, token: string): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://${HOST}:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('the browser has no default context');
    const page = await context.newPage();
    // Same origin, no script of the portal: robots.txt.
    await page.goto(`${origin}/robots.txt`);
    await page.evaluate(storeSessionScript(token));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    await page.close();
  } finally {
    await browser.close();
  }
}

function summarizeDetails(details: unknown): string | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const items = (details as { items?: unknown }).items;
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const describe = (item: unknown): string => {
    if (!item || typeof item !== 'object') return String(item);
    const record = item as Record<string, unknown>;
    const node = record.node as { snippet?: string; explanation?: string } | undefined;
    const parts = [
      typeof record.url === 'string' ? record.url : undefined,
      typeof record.description === 'string' ? record.description : undefined,
      typeof record.source === 'string' ? record.source : undefined,
      node?.snippet,
      node?.explanation,
      typeof record.wastedBytes === 'number'
        ? `${Math.round(record.wastedBytes)} B wasted`
        : undefined,
      typeof record.wastedMs === 'number' ? `${Math.round(record.wastedMs)} ms wasted` : undefined,
    ].filter((part): part is string => Boolean(part));
    return parts.length > 0 ? parts.join(' | ') : JSON.stringify(record).slice(0, 300);
  };
  return (
    items.slice(0, 5).map(describe).join('\n') +
    (items.length > 5 ? `\n(+${items.length - 5} more)` : '')
  );
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

export interface LighthouseOptions {
  /** Audit as this session (a logged-in page). */
  token?: string;
  /**
   * How many times to audit the page; the run with the median performance score is the
   * one reported (Lighthouse's own advice, as scores vary from run to run). Default 1.
   */
  runs?: number;
  /** Where to write that run's full Lighthouse JSON report, for a closer look. */
  reportFile?: string;
}

type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** Audits one page; a failure to audit is reported in the result, not thrown. */
export async function runLighthouse(
  origin: string,
  path: string,
  { token, runs = 1, reportFile }: LighthouseOptions = {},
): Promise<LighthouseResult> {
  const audited: { result: LighthouseResult; report?: Report }[] = [];
  for (let run = 0; run < runs; run += 1) {
    try {
      audited.push(await audit(origin, path, token));
    } catch (error) {
      audited.push({ result: failed(path, error) });
    }
  }
  const performance = (entry: (typeof audited)[number]) => entry.result.scores.performance ?? -1;
  const sorted = [...audited].sort((a, b) => performance(a) - performance(b));
  // With an even count, the lower of the two middle runs.
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('runs must be at least 1');
  if (reportFile && median.report) {
    await mkdir(dirname(reportFile), { recursive: true });
    await writeFile(reportFile, JSON.stringify(median.report));
  }
  return {
    ...median.result,
    performanceRuns: audited.map((entry) => entry.result.scores.performance),
  };
}

async function audit(
  origin: string,
  path: string,
  token: string | undefined,
): Promise<{ result: LighthouseResult; report: Report }> {
  const chrome = await startChrome();
  try {
    if (token) await seedSession(chrome.port, origin, token);
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      hostname: HOST,
      output: 'json',
      logLevel: 'error',
      ...(token ? { disableStorageReset: true } : {}),
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = result;
    if (lhr.runtimeError) {
      throw new Error(
        `Lighthouse failed on ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`,
      );
    }
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => {
        const score = lhr.categories[id]?.score;
        return [id, typeof score === 'number' ? Math.round(score * 100) : null];
      }),
    ) as Record<Category, number | null>;
    const lostPoints: LostPoints[] = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
        const details = summarizeDetails(audit.details);
        lostPoints.push({
          category,
          id: ref.id,
          title: audit.title,
          score: audit.score,
          weight: ref.weight,
          ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
          ...(details ? { details } : {}),
        });
      }
    }
    const counted = new Set(lostPoints.map((audit) => audit.id));
    const flagged = Object.values(lhr.audits)
      .filter(
        (audit) =>
          !counted.has(audit.id) &&
          typeof audit.score === 'number' &&
          audit.score < 0.9 &&
          ['metricSavings', 'numeric', 'binary'].includes(audit.scoreDisplayMode),
      )
      .map((audit) => ({
        id: audit.id,
        title: audit.title,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      }));
    const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue]));
    const page: LighthouseResult = {
      path,
      finalPath: new URL(lhr.finalDisplayedUrl).pathname,
      scores,
      performanceRuns: [scores.performance],
      lostPoints,
      flagged,
      warnings: lhr.runWarnings,
      metrics,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
    return { result: page, report: lhr };
  } finally {
    await chrome.stop();
  }
}
