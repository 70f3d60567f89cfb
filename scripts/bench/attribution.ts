/**
 * What each library costs the log-in and sign-up pages: the portal is rebuilt in memory with
 * that library left out (marked external, so it and whatever only it imports drop out), and
 * its cost is how much smaller the initially fetched JS gets, gzip -9. The portal's own
 * code is what remains with every package left out (Vite's small preload helper stays in).
 * Marginal costs overlap a little (gzip shares context), so they need not add up exactly.
 */
import { ROOT } from './config.ts';
import {
  buildPortal,
  chunksOf,
  entryChunk,
  initialJsGzip,
  staticClosure,
  type Chunk,
} from './build.ts';

interface Library {
  name: string;
  /** What else drops out with it, for the report. */
  includes?: string;
  external: RegExp;
}

const LIBRARIES: Library[] = [
  { name: 'react-dom', includes: 'scheduler', external: /^react-dom(?:\/|$)/ },
  { name: 'react', external: /^react(?:\/|$)/ },
  { name: 'react-router', external: /^react-router(?:\/|$)/ },
  {
    name: '@tanstack/react-query',
    includes: '@tanstack/query-core',
    external: /^@tanstack\/react-query(?:\/|$)/,
  },
  { name: 'react-hook-form', external: /^react-hook-form(?:\/|$)/ },
  { name: 'zod', external: /^zod(?:\/|$)/ },
  { name: '@hookform/resolvers', external: /^@hookform\/resolvers(?:\/|$)/ },
];

/** A bare import of a package (not a relative path, not Vite's own virtual helpers). */
const PACKAGE_IMPORT = /^(?![./]|vite\/)(?:@[\w.-]+\/)?[\w.-]+(?:\/|$)/;

export interface LibraryCost {
  name: string;
  includes?: string;
  /** Gzip -9 bytes the initial JS loses without it. */
  gzip: number;
  /** Unminified bytes its modules render into the initial chunks (from the bundle). */
  renderedBytes: number;
}

export interface Attribution {
  initialJsGzip: number;
  libraries: LibraryCost[];
  /** The initial JS with every package left out: the portal's code and Vite's helper. */
  ownCodeGzip: number;
  /** Unminified bytes per source module of the portal in the initial chunks, largest first. */
  ownModules: { module: string; renderedBytes: number }[];
}

function packageOf(moduleId: string): string | null {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(moduleId);
  return match?.[1] ?? null;
}

function renderedBytesByPackage(initial: Chunk[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const chunk of initial) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const name = packageOf(id) ?? (id.startsWith('\0') ? 'vite-runtime' : 'portal');
      sizes.set(name, (sizes.get(name) ?? 0) + info.renderedLength);
    }
  }
  return sizes;
}

async function initialGzipWithout(external: RegExp): Promise<number> {
  const output = await buildPortal({ write: false, rolldownOptions: { external: [external] } });
  return initialJsGzip(output);
}

export async function attributeInitialJs(
  full: Awaited<ReturnType<typeof buildPortal>>,
): Promise<Attribution> {
  const total = initialJsGzip(full);
  const chunks = chunksOf(full);
  const initial = staticClosure(chunks, entryChunk(chunks));
  const rendered = renderedBytesByPackage(initial);
  const libraryRendered = (library: Library) =>
    [library.name, ...(library.includes ? [library.includes] : [])].reduce(
      (sum, name) => sum + (rendered.get(name) ?? 0),
      0,
    );

  const libraries: LibraryCost[] = [];
  for (const library of LIBRARIES) {
    const without = await initialGzipWithout(library.external);
    libraries.push({
      name: library.name,
      ...(library.includes ? { includes: library.includes } : {}),
      gzip: total - without,
      renderedBytes: libraryRendered(library),
    });
  }

  const ownCodeGzip = await initialGzipWithout(PACKAGE_IMPORT);
  const ownModules = initial
    .flatMap((chunk) => Object.entries(chunk.modules))
    .filter(([id]) => packageOf(id) === null && !id.startsWith('\0'))
    .map(([id, info]) => ({
      module: id.replace(`${ROOT}/`, ''),
      renderedBytes: info.renderedLength,
    }))
    .sort((a, b) => b.renderedBytes - a.renderedBytes);

  return { initialJsGzip: total, libraries, ownCodeGzip, ownModules };
}
