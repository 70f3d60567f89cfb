/**
 * Builds the portal once and serves the production build with `vite preview`, which mounts
 * the local Aurora API (server/vite-plugin.ts) on the same origin. Each server is its own
 * process, so stopping one is what stopping the real thing is: the process ends, and only
 * what the API wrote to its SQLite file survives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { hasExited, stopProcess, waitForExit } from '../../scripts/child-process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;
const LOG_LINES_KEPT = 200;

/** The suite signs up many accounts from one address; the log-in limit stays at its default. */
const SIGNUP_LIMIT = '10000';

export interface PortalServer {
  readonly url: string;
  readonly dbFile: string;
  /** Stops the process and starts a new one on the same port and database file. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Environment for a Vite process: the API's settings, nothing inherited that would change them. */
function viteEnv(dbFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AURORA_DB: dbFile,
    AURORA_SIGNUP_LIMIT: SIGNUP_LIMIT,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  delete env.AURORA_LOGIN_FAILURE_LIMIT;
  delete env.AURORA_API_URL;
  delete env.VITE_API_BASE_URL;
  return env;
}

/** Keeps the last lines a process printed, to explain why it failed. */
function captureOutput(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - LOG_LINES_KEPT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

/**
 * `vite build` into `outDir`. `--bypass-lock`: Vite allows one build per project at a time,
 * and the team may be building `dist/` while the suite builds its own copy elsewhere.
 */
export async function buildPortal(outDir: string, dbFile: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [VITE, 'build', '--bypass-lock', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, env: viteEnv(dbFile), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = captureOutput(child);
  await waitForExit(child);
  if (child.exitCode !== 0) {
    throw new Error(`vite build failed (exit ${child.exitCode}):\n${output()}`);
  }
}

/** A port nobody listens on right now (the server then binds it with --strictPort). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, HOST, resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Ready means the app shell is served and the API answers under /api: an anonymous
 * user-info request is refused with a JSON 401 rather than falling through to index.html.
 */
async function waitUntilReady(child: ChildProcess, url: string, output: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(`vite preview exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const shell = await fetch(`${url}/`);
      await shell.arrayBuffer();
      const api = await fetch(`${url}/api/v7/user/info`);
      await api.arrayBuffer();
      const type = api.headers.get('content-type') ?? '';
      if (shell.ok && api.status === 401 && type.startsWith('application/json')) return;
      lastProblem = `GET / -> ${shell.status}; GET /api/v7/user/info -> ${api.status} ${type}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopProcess(child);
  throw new Error(`vite preview at ${url} not ready: ${lastProblem}\n${output()}`);
}

async function launchPreview(outDir: string, dbFile: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      VITE,
      'preview',
      '--bypass-lock',
      '--host',
      HOST,
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { cwd: ROOT, env: viteEnv(dbFile), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = captureOutput(child);
  await waitUntilReady(child, `http://${HOST}:${port}`, output);
  return child;
}

/** Serves the build in `outDir` with the API on `dbFile`, on a free loopback port. */
export async function startPortal(outDir: string, dbFile: string): Promise<PortalServer> {
  const port = await freePort();
  let child = await launchPreview(outDir, dbFile, port);
  return {
    url: `http://${HOST}:${port}`,
    dbFile,
    async restart() {
      await stopProcess(child);
      child = await launchPreview(outDir, dbFile, port);
    },
    stop: () => stopProcess(child),
  };
}
