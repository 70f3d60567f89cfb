import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  countUsers,
  newAccount,
  signUp,
  startTestApi,
  type Account,
  type TestApi,
} from '../test-support/api-server.ts';

// Load over loopback on a file database (WAL), with a scrypt cost low enough to finish
// quickly but real enough that hashes overlap on the thread pool.

const dir = mkdtempSync(join(tmpdir(), 'aurora-load-'));
const logger = { error: vi.fn<(message: string) => void>() };
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({
    databasePath: join(dir, 'aurora.db'),
    scrypt: { N: 2 ** 12, r: 8, p: 1 },
    logger,
  });
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
  expect(logger.error).not.toHaveBeenCalled();
});

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(count: number, limit: number, task: (i: number) => Promise<T>) {
  const results: T[] = new Array<T>(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

const tokenCount = () =>
  api.db.prepare<[], number>('SELECT count(*) FROM access_tokens').pluck().get() ?? 0;

test('200 concurrent logins and 2,000 user-info reads all succeed and lose no write', async () => {
  const accounts: Account[] = Array.from({ length: 20 }, () => newAccount('load'));
  for (const account of accounts) await signUp(api, account);
  const tokensBefore = tokenCount();

  const logins = await Promise.all(
    Array.from({ length: 200 }, (_, i) => {
      const account = accounts[i % accounts.length] as Account;
      return api.request('POST', '/api/v7/login', {
        json: { username: account.username, password: account.password },
      });
    }),
  );
  expect(logins.map((r) => r.status)).toEqual(new Array(200).fill(200));
  const tokens = logins.map((r) => (r.body as { accessToken: string }).accessToken);
  expect(new Set(tokens).size).toBe(200);
  expect(tokenCount()).toBe(tokensBefore + 200);

  const reads = await pool(2_000, 100, (i) =>
    api.request('GET', '/api/v7/user/info', { token: tokens[i % tokens.length] }),
  );
  reads.forEach((response, i) => {
    const account = accounts[(i % tokens.length) % accounts.length] as Account;
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      success: true,
      username: account.username,
      email: account.email,
    });
  });
});

test('50 concurrent profile updates leave exactly one of the sent states, never a mix', async () => {
  const token = await signUp(api, newAccount('contended'));
  const states = Array.from({ length: 50 }, (_, i) => ({
    username: `contended-state-${i}`,
    email: `contended.state.${i}@example.com`,
    password: `password of state ${i}`,
  }));

  // Reads run alongside the writes; each must see one whole state too.
  const [updates, reads] = await Promise.all([
    Promise.all(states.map((json) => api.request('PUT', '/api/v7/user/info', { token, json }))),
    pool(200, 20, () => api.request('GET', '/api/v7/user/info', { token })),
  ]);
  expect(updates.map((r) => r.status)).toEqual(new Array(50).fill(200));
  for (const read of reads) {
    const { username, email } = read.body as { username: string; email: string };
    const index = /-state-(\d+)$/.exec(username)?.[1];
    if (index !== undefined) expect(email).toBe(`contended.state.${index}@example.com`);
  }

  const final = (await api.request('GET', '/api/v7/user/info', { token })).body as {
    username: string;
    email: string;
  };
  const winner = states.find((s) => s.username === final.username);
  expect(winner).toBeDefined();
  expect(final.email).toBe(winner?.email);

  const login = (password: string) =>
    api.request('POST', '/api/v7/login', { json: { username: final.username, password } });
  expect((await login(winner?.password ?? '')).status).toBe(200);
  const others = await Promise.all(
    states.filter((s) => s !== winner).map((s) => login(s.password)),
  );
  expect(others.every((r) => r.status === 401)).toBe(true);
  expect(countUsers(api.db)).toBeGreaterThan(0);
  expect(api.db.pragma('integrity_check', { simple: true })).toBe('ok');
});
