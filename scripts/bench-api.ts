/**
 * `npm run bench:api`: throughput and latency of the local Aurora API over loopback.
 *
 * Runs `server/main.ts` in its own process (as `npm run api` does, production scrypt cost) on
 * a free port with a throw-away database, then for each scenario keeps a fixed number of
 * requests in flight for BENCH_SECONDS (default 5) and prints requests per second and
 * p50/p99 latency. Exits non-zero if any request failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMainProcess } from '../server/test-support/main-process.ts';

interface Scenario {
  name: string;
  concurrency: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Result {
  name: string;
  concurrency: number;
  requests: number;
  failures: number;
  seconds: number;
  latenciesMs: number[];
}

const seconds = Number(process.env.BENCH_SECONDS ?? '5');
if (!(seconds > 0 && seconds <= 60)) throw new Error('BENCH_SECONDS must be between 0 and 60');

function send(
  agent: Agent,
  baseUrl: URL,
  scenario: Scenario,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: scenario.method,
        path: scenario.path,
        headers: scenario.body
          ? { ...scenario.headers, 'content-length': Buffer.byteLength(scenario.body) }
          : scenario.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(scenario.body);
  });
}

async function run(baseUrl: URL, scenario: Scenario): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: scenario.concurrency });
  const latenciesMs: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  async function worker(): Promise<void> {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const { status } = await send(agent, baseUrl, scenario);
        if (status === 200) latenciesMs.push(performance.now() - t0);
        else failures++;
      } catch {
        failures++;
      }
    }
  }

  await Promise.all(Array.from({ length: scenario.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    name: scenario.name,
    concurrency: scenario.concurrency,
    requests: latenciesMs.length,
    failures,
    seconds: elapsed,
    latenciesMs,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function report(results: Result[]): void {
  const rows = results.map((r) => {
    const sorted = [...r.latenciesMs].sort((a, b) => a - b);
    return {
      scenario: r.name,
      concurrency: r.concurrency,
      requests: r.requests,
      failures: r.failures,
      'req/s': Math.round(r.requests / r.seconds),
      'p50 ms': percentile(sorted, 50).toFixed(2),
      'p99 ms': percentile(sorted, 99).toFixed(2),
    };
  });
  console.table(rows);
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'aurora-bench-'));
  const server = await startMainProcess({
    AURORA_DB: join(dir, 'aurora.db'),
    AURORA_SIGNUP_LIMIT: '1000000',
  });
  try {
    const baseUrl = new URL(server.url);
    const json = { 'content-type': 'application/json' };
    const account = {
      username: 'bench-user',
      email: 'bench@example.com',
      password: 'bench pass 1',
    };
    const signup = await send(new Agent(), baseUrl, {
      name: 'signup',
      concurrency: 1,
      method: 'POST',
      path: '/api/v7/signup',
      headers: json,
      body: JSON.stringify(account),
    });
    const { accessToken } = JSON.parse(signup.body) as { accessToken: string };

    console.log(`Aurora API at ${server.url}, ${seconds} s per scenario, node ${process.version}`);
    const results = [
      await run(baseUrl, {
        name: 'GET /api/v7/user/info',
        concurrency: 32,
        method: 'GET',
        path: '/api/v7/user/info',
        headers: { 'x-access-token': accessToken },
      }),
      await run(baseUrl, {
        name: 'POST /api/v7/login (scrypt N=2^15)',
        concurrency: 8,
        method: 'POST',
        path: '/api/v7/login',
        headers: json,
        body: JSON.stringify({ username: account.username, password: account.password }),
      }),
    ];
    report(results);
    return results.some((r) => r.failures > 0 || r.requests === 0) ? 1 : 0;
  } finally {
    await server.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
