/**
 * Loads a page in a fresh browser context (empty cache) and records every JS and CSS
 * response it fetches until the network has been idle for 500 ms.
 */
import type { Browser, Response } from '@playwright/test';
import { storeSessionScript } from './config.ts';
import { gzipSize } from './gzip.ts';

export interface Asset {
  /** The path on the server, e.g. /assets/index-abc.js. */
  path: string;
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  /** Where the page ended up after it settled (a guard may redirect). */
  finalPath: string;
  js: Asset[];
  css: Asset[];
  jsGzip: number;
  cssGzip: number;
  /** The value of `options.probe` once the page settled, if one was given. */
  probe?: boolean;
}

const LOAD_TIMEOUT_MS = 30_000;

function kindOf(response: Response): 'js' | 'css' | null {
  const type = response.request().resourceType();
  const { pathname } = new URL(response.url());
  if (type === 'script' || /\.m?js$/.test(pathname)) return 'js';
  if (type === 'stylesheet' || pathname.endsWith('.css')) return 'css';
  return null;
}

const sum = (assets: Asset[]) => assets.reduce((total, asset) => total + asset.gzip, 0);

export async function measurePageWeight(
  browser: Browser,
  url: string,
  options: { token?: string; probe?: string } = {},
): Promise<PageWeight> {
  const context = await browser.newContext();
  try {
    // Before any of the portal's scripts run, as a returning visitor has it.
    if (options.token) await context.addInitScript(storeSessionScript(options.token));
    const page = await context.newPage();
    const pending: Promise<{ kind: 'js' | 'css'; asset: Asset }>[] = [];
    page.on('response', (response) => {
      const kind = kindOf(response);
      if (!kind || response.status() !== 200) return;
      pending.push(
        response.body().then((body) => ({
          kind,
          asset: {
            path: new URL(response.url()).pathname,
            bytes: body.length,
            gzip: gzipSize(body),
          },
        })),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle', timeout: LOAD_TIMEOUT_MS });
    const assets = await Promise.all(pending);
    const probe =
      options.probe === undefined ? undefined : Boolean(await page.evaluate(options.probe));
    const js = assets.filter((item) => item.kind === 'js').map((item) => item.asset);
    const css = assets.filter((item) => item.kind === 'css').map((item) => item.asset);
    return {
      finalPath: new URL(page.url()).pathname,
      js,
      css,
      jsGzip: sum(js),
      cssGzip: sum(css),
      ...(probe === undefined ? {} : { probe }),
    };
  } finally {
    await context.close();
  }
}
