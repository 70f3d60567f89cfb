/** Prints a run's numbers as plain-text tables. */
import { ROUTES } from './config.ts';
import { formatBytes } from './gzip.ts';
import { CATEGORIES } from './lighthouse.ts';
import type { BenchResults } from './results.ts';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

function section(title: string, body: string): string {
  return `\n== ${title}\n${body}`;
}

export function formatReport(results: BenchResults): string {
  const parts: string[] = [];
  const { bare, routes, bundle, flows } = results;

  parts.push(
    section(
      'JS and CSS fetched until network idle (gzip -9, each file)',
      table(
        ['page', 'JS', 'vs bare', 'CSS', 'files'],
        [
          [
            'bare React 19',
            formatBytes(bare.jsGzip),
            '1.00x',
            '-',
            bare.js.map((a) => a.path).join(' '),
          ],
          ...ROUTES.map((route) => {
            const weight = routes[route];
            return [
              route,
              formatBytes(weight.jsGzip),
              `${weight.jsRatio.toFixed(2)}x`,
              formatBytes(weight.cssGzip),
              [...weight.js, ...weight.css]
                .map((asset) => `${asset.path} ${formatBytes(asset.gzip)}`)
                .join(', '),
            ];
          }),
        ],
      ),
    ),
  );

  const { attribution } = bundle;
  const attributed =
    attribution.libraries.reduce((sum, library) => sum + library.gzip, 0) + attribution.ownCodeGzip;
  parts.push(
    section(
      `What the initial JS is made of (${formatBytes(attribution.initialJsGzip)} gzip; each row: how much smaller it gets without it)`,
      table(
        ['part', 'gzip', 'share', 'unminified'],
        [
          ...attribution.libraries.map((library) => [
            library.includes ? `${library.name} (+ ${library.includes})` : library.name,
            formatBytes(library.gzip),
            `${((100 * library.gzip) / attribution.initialJsGzip).toFixed(1)}%`,
            formatBytes(library.renderedBytes),
          ]),
          [
            "portal's own code (+ Vite preload helper)",
            formatBytes(attribution.ownCodeGzip),
            `${((100 * attribution.ownCodeGzip) / attribution.initialJsGzip).toFixed(1)}%`,
            formatBytes(
              attribution.ownModules.reduce((sum, module) => sum + module.renderedBytes, 0),
            ),
          ],
          [
            '(overlap / not attributed)',
            formatBytes(attribution.initialJsGzip - attributed),
            '',
            '',
          ],
        ],
      ),
    ) +
      `\nLazy chunks: ${
        bundle.lazyChunks
          .map((chunk) => `${chunk.module ?? chunk.file} ${formatBytes(chunk.gzip)}`)
          .join(', ') || 'none'
      }`,
  );

  parts.push(
    section(
      `Click to filled profile form (loopback, fresh context each run, ${flows.login.runs.length} runs)`,
      table(
        [
          'flow',
          'median',
          'min',
          'max',
          'API requests',
          'median per request',
          'scripts after click',
          'of which late',
        ],
        Object.values(flows).map((flow) => [
          flow.name,
          `${flow.medianMs.toFixed(0)} ms`,
          `${flow.minMs.toFixed(0)} ms`,
          `${flow.maxMs.toFixed(0)} ms`,
          flow.minApiRequests === flow.maxApiRequests
            ? String(flow.maxApiRequests)
            : `${flow.minApiRequests}-${flow.maxApiRequests}`,
          Object.entries(flow.medianApiMs)
            .map(([request, ms]) => `${request} ${ms.toFixed(0)} ms`)
            .join(', '),
          String(flow.maxScriptRequests),
          String(flow.maxLateScriptRequests),
        ]),
      ) +
        Object.values(flows)
          .map((flow) => {
            const first = flow.runs[0];
            const requests = [
              ...(first?.apiRequests ?? []).map((api) => ({
                at: api.startMs,
                text: `${api.request} (${api.ms} ms)`,
              })),
              ...(first?.scriptRequests ?? []).map((script) => ({
                at: script.startMs,
                text: `script ${script.path}${script.late ? ' LATE' : ''}`,
              })),
            ].sort((a, b) => a.at - b.at);
            const failure = flow.runs.find((run) => run.error);
            if (failure)
              return `\n${flow.name} FAILED in run ${flow.runs.length}: ${failure.error}`;
            return `\n${flow.name} run 1 after the click: ${requests.map((r) => `+${r.at} ms ${r.text}`).join('; ')}`;
          })
          .join(''),
    ),
  );

  if (results.lighthouse === null) {
    parts.push(section('Lighthouse', 'skipped'));
  } else {
    const scoreRows = results.lighthouse.map((page) => [
      page.path === page.finalPath ? page.path : `${page.path} -> ${page.finalPath}`,
      ...CATEGORIES.map((category) => String(page.scores[category] ?? '-')),
      `${((page.metrics['largest-contentful-paint'] ?? NaN) / 1000).toFixed(2)} s`,
      `${(page.metrics['total-blocking-time'] ?? NaN).toFixed(0)} ms`,
      page.performanceRuns.map((score) => score ?? '-').join(', '),
    ]);
    const lost = results.lighthouse.flatMap((page) =>
      page.lostPoints.map(
        (audit) =>
          `${page.path} ${audit.category} ${audit.id} (score ${audit.score}, weight ${audit.weight})` +
          `${audit.displayValue ? `: ${audit.displayValue}` : ''}${
            audit.details ? `\n    ${audit.details.replaceAll('\n', '\n    ')}` : ''
          }`,
      ),
    );
    const flagged = results.lighthouse.flatMap((page) =>
      page.flagged.map(
        (audit) => `${page.path} ${audit.id}${audit.displayValue ? `: ${audit.displayValue}` : ''}`,
      ),
    );
    const warnings = results.lighthouse.flatMap((page) =>
      page.warnings.map((w) => `${page.path}: ${w}`),
    );
    parts.push(
      section(
        'Lighthouse 12 (mobile, default config; the median run of each page)',
        table(['page', ...CATEGORIES, 'LCP', 'TBT', 'performance, each run'], scoreRows) +
          `\nAudits losing points: ${lost.length === 0 ? 'none' : `\n  ${lost.join('\n  ')}`}` +
          results.lighthouse
            .filter((page) => page.error)
            .map((page) => `\nNot audited: ${page.path}: ${page.error}`)
            .join('') +
          (flagged.length > 0 ? `\nFlagged, costing no points:\n  ${flagged.join('\n  ')}` : '') +
          (warnings.length > 0 ? `\nWarnings:\n  ${warnings.join('\n  ')}` : ''),
      ),
    );
  }

  const { cpus, loadAverageAtStart, loadAverageAtEnd } = results.environment;
  const busy = Math.max(loadAverageAtStart, loadAverageAtEnd) > cpus;
  parts.push(
    section(
      'Machine',
      `${cpus} CPUs, 1-min load average ${loadAverageAtStart.toFixed(1)} at start, ${loadAverageAtEnd.toFixed(1)} at end` +
        (results.lighthouse
          ? `; Lighthouse benchmark index ${results.lighthouse.map((page) => page.benchmarkIndex.toFixed(0)).join(', ')}`
          : '') +
        (busy
          ? '\nWARNING: the machine was busy with other work; times and Lighthouse performance scores are pessimistic.'
          : ''),
    ),
  );

  parts.push(
    section(
      'Targets',
      results.checks
        .map((check) => `${check.ok ? 'PASS' : 'FAIL'}  ${check.target}: ${check.measured}`)
        .join('\n'),
    ),
  );
  return parts.join('\n');
}
