import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';

const ENTRY = '/src/app/prerender.tsx';

interface PrerenderModule {
  PRERENDERED_PAGES: Record<string, { title: string; description: string; visitor: string }>;
  renderPage(path: string): string;
  documentTitle(meta: { title: string }): string;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * After `vite build`, writes `<page>.html` beside `index.html` for each page in
 * `PRERENDERED_PAGES`, with the page rendered into `#root` (marked with its path and the
 * visitors it is for) and its own title and description. `vite preview` (and a
 * `try_files $uri $uri.html /index.html` server) serves `/login` from `login.html`; every
 * other path still gets the empty `index.html`.
 */
export function prerender(): Plugin {
  let root = '';
  let outDir = '';
  let isClientBuild = false;
  return {
    name: 'aurora-prerender',
    apply: 'build',
    // On a prerendered page nothing waits for the app's script to paint, so it need not
    // compete with the stylesheet (Vite drops such attributes from index.html itself).
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '<script type="module" crossorigin',
          '<script type="module" fetchpriority="low" crossorigin',
        ),
    },
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
      isClientBuild = !config.build.ssr;
    },
    async closeBundle() {
      if (!isClientBuild) return;
      const server = await createServer({
        root,
        configFile: false,
        logLevel: 'error',
        appType: 'custom',
        plugins: [react()],
        server: { middlewareMode: true, hmr: false, ws: false },
      });
      try {
        const { PRERENDERED_PAGES, renderPage, documentTitle } = (await server.ssrLoadModule(
          ENTRY,
        )) as PrerenderModule;
        const template = await readFile(path.join(outDir, 'index.html'), 'utf8');
        for (const [pagePath, meta] of Object.entries(PRERENDERED_PAGES)) {
          const html = template
            .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(documentTitle(meta))}</title>`)
            .replace(
              /<meta name="description" content="[^"]*"/,
              `<meta name="description" content="${escapeHtml(meta.description)}"`,
            )
            .replace(
              '<div id="root"></div>',
              `<div id="root" data-prerendered="${escapeHtml(pagePath)}" data-prerendered-for="${escapeHtml(meta.visitor)}">${renderPage(pagePath)}</div>`,
            );
          if (!html.includes('data-prerendered')) throw new Error('index.html has no empty #root');
          await writeFile(path.join(outDir, `${pagePath.slice(1)}.html`), html);
        }
      } finally {
        await server.close();
      }
    },
  };
}
