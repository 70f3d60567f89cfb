/**
 * Builds the portal (its own vite.config.ts, into dist/) and the bare React page (no config
 * file, only the React plugin, same target) with Vite's JS API, and reads the chunk graph.
 */
import react from '@vitejs/plugin-react';
import { build, resolveConfig, type InlineConfig, type Rolldown } from 'vite';
import { BARE_OUT_DIR, BARE_ROOT, PORTAL_OUT_DIR, ROOT } from './config.ts';
import { gzipSize } from './gzip.ts';

type BuildOutput = Rolldown.RolldownOutput;
export type Chunk = Rolldown.OutputChunk;

function singleOutput(result: Awaited<ReturnType<typeof build>>): BuildOutput {
  if (Array.isArray(result)) {
    if (result.length !== 1) throw new Error(`expected one build output, got ${result.length}`);
    return result[0] as BuildOutput;
  }
  if ('output' in result) return result;
  throw new Error('the build started a watcher instead of building once');
}

/** The portal's build with its own config; `overrides` change only what a variant needs. */
export async function buildPortal(overrides: InlineConfig['build'] = {}): Promise<BuildOutput> {
  const result = await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: PORTAL_OUT_DIR, emptyOutDir: true, ...overrides },
  });
  return singleOutput(result);
}

/** The build target the portal's config resolves to, so the bare page is built alike. */
export async function portalBuildTarget(): Promise<Required<InlineConfig>['build']['target']> {
  // As `vite build` resolves it; the defaults would set NODE_ENV to development for the run.
  const config = await resolveConfig(
    { root: ROOT, logLevel: 'warn' },
    'build',
    'production',
    'production',
  );
  return config.build.target;
}

export async function buildBare(target: Required<InlineConfig>['build']['target']) {
  const result = await build({
    root: BARE_ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: BARE_OUT_DIR, emptyOutDir: true, target, sourcemap: false },
  });
  return singleOutput(result);
}

export function chunksOf(output: BuildOutput): Chunk[] {
  return output.output.filter((item): item is Chunk => item.type === 'chunk');
}

/** A chunk and every chunk it statically imports: what loading it fetches. */
export function staticClosure(chunks: Chunk[], start: Chunk): Chunk[] {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Map<string, Chunk>();
  const visit = (chunk: Chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const file of chunk.imports) {
      const imported = byFile.get(file);
      if (imported) visit(imported);
    }
  };
  visit(start);
  return [...seen.values()];
}

export function entryChunk(chunks: Chunk[]): Chunk {
  const entries = chunks.filter((chunk) => chunk.isEntry);
  if (entries.length !== 1 || !entries[0]) {
    throw new Error(`expected one entry chunk, got ${entries.length}`);
  }
  return entries[0];
}

/** Gzipped JS that loading the entry fetches before any lazy chunk (each file on its own). */
export function initialJsGzip(output: BuildOutput): number {
  const chunks = chunksOf(output);
  return staticClosure(chunks, entryChunk(chunks)).reduce(
    (sum, chunk) => sum + gzipSize(chunk.code),
    0,
  );
}

export interface LazyChunkInfo {
  file: string;
  /** The module the chunk was split at, relative to the project. */
  module: string | null;
  gzip: number;
}

/** Chunks that load only on demand, and their own gzipped size. */
export function lazyChunks(output: BuildOutput): LazyChunkInfo[] {
  const chunks = chunksOf(output);
  const initial = new Set(staticClosure(chunks, entryChunk(chunks)).map((chunk) => chunk.fileName));
  return chunks
    .filter((chunk) => !initial.has(chunk.fileName))
    .map((chunk) => ({
      file: chunk.fileName,
      module: chunk.facadeModuleId ? chunk.facadeModuleId.replace(`${ROOT}/`, '') : null,
      gzip: gzipSize(chunk.code),
    }));
}
