import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  countUsers,
  newAccount,
  rawRequest,
  signUp,
  startTestApi,
  type Account,
  type RawRequest,
  type TestApi,
} from '../test-support/api-server.ts';

// Random and malformed requests to every endpoint: the server must answer each one with a
// status under 500, stay up, and keep a sound database whose accounts are exactly the
// signups it answered 200.

const dir = mkdtempSync(join(tmpdir(), 'aurora-fuzz-'));
const logger = { error: vi.fn<(message: string) => void>() };
let api: TestApi;
const accounts: Account[] = [];
const tokens: string[] = [];

beforeAll(async () => {
  // The default log-in limit stays on so the fuzz also meets 429s.
  api = await startTestApi({ databasePath: join(dir, 'aurora.db'), logger, loginFailureLimit: 10 });
  for (let i = 0; i < 3; i++) {
    const account = newAccount('fuzz-known');
    accounts.push(account);
    tokens.push(await signUp(api, account));
  }
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const PATHS = ['/api/v7/signup', '/api/v7/login', '/api/v7/user/info'];
const printable = (maxLength: number) => fc.string({ maxLength });

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'PUT') },
  { weight: 2, arbitrary: fc.constantFrom('DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,8}$/) },
);

const path = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PATHS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...PATHS), printable(20))
      .map(([p, query]) => `${p}?${encodeURIComponent(query)}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('/api/', '/api/v7/', '/'),
        fc.string({ unit: 'binary', maxLength: 20 }),
      )
      .map(([prefix, rest]) => prefix + encodeURIComponent(rest.replace(/[\uD800-\uDFFF]/g, ''))),
  },
);

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ),
    printable(30),
  ),
  { nil: undefined },
);

const token = fc.option(
  fc.oneof(
    fc.constantFrom(...[0, 1, 2].map((i) => () => tokens[i] ?? '')),
    printable(60).map((t) => () => t),
  ),
  { nil: undefined },
);

const fieldValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const accountBody = fc
  .record({ username: fieldValue, email: fieldValue, password: fieldValue }, { requiredKeys: [] })
  .map((body) => JSON.stringify(body));

const body = fc.option(
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(null).map(() => JSON.stringify(newAccount('fuzz'))) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(2), printable(20))
        .map(([i, password]) =>
          JSON.stringify({ username: accounts[i]?.username, password: password.padEnd(8, '*') }),
        ),
    },
    { weight: 3, arbitrary: accountBody },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 16 * 1024 - 2, max: 40 * 1024 }).map((size) => {
        const json = JSON.stringify(newAccount('fuzz-big'));
        return json.slice(0, -1) + ' '.repeat(Math.max(0, size - json.length)) + '}';
      }),
    },
  ),
  { nil: undefined },
);

const randomRequest = fc
  .record({ method, path, contentType, token, body })
  .map(({ method, path, contentType, token, body }) => {
    const headers: Record<string, string> = {};
    if (contentType !== undefined) headers['content-type'] = contentType;
    const value = token?.();
    if (value !== undefined) headers['x-access-token'] = value;
    return { method, path, headers, body } satisfies RawRequest;
  });

const json = { 'content-type': 'application/json' };
const knownToken = fc.nat(2).map((i) => () => tokens[i] ?? '');

/** Requests a client could mean: right method and content type, plausible bodies. */
const wellFormedRequest: fc.Arbitrary<RawRequest> = fc.oneof(
  fc
    .oneof(
      accountBody,
      fc.constant(null).map(() => JSON.stringify(newAccount('fuzz'))),
    )
    .map((body) => ({ method: 'POST', path: '/api/v7/signup', headers: json, body })),
  fc.tuple(fc.nat(3), fc.string({ maxLength: 20 })).map(([i, password]) => ({
    method: 'POST',
    path: '/api/v7/login',
    headers: json,
    body: JSON.stringify({ username: accounts[i]?.username ?? 'nobody', password }),
  })),
  knownToken.map((token) => ({
    method: 'GET',
    path: '/api/v7/user/info',
    headers: { 'x-access-token': token() },
  })),
  fc.tuple(knownToken, accountBody).map(([token, body]) => ({
    method: 'PUT',
    path: '/api/v7/user/info',
    headers: { ...json, 'x-access-token': token() },
    body,
  })),
);

const request = fc.oneof(randomRequest, wellFormedRequest);

let signupsAnswered200 = 0;

async function send(req: RawRequest): Promise<void> {
  const response = await rawRequest(api.url, req);
  expect(response.status, `${req.method} ${req.path}`).toBeLessThan(500);
  // The server routes on the path before any query, so a signup may come with one.
  const pathname = req.path.split(/[?#]/, 1)[0];
  if (response.status === 200 && req.method === 'POST' && pathname === '/api/v7/signup') {
    signupsAnswered200++;
  }
  // Node itself refuses methods it does not know, before our handler; everything the handler
  // answers is JSON.
  if (req.method !== 'HEAD' && response.headers['content-type']?.includes('json')) {
    const parsed = JSON.parse(response.text) as { success?: unknown };
    expect(typeof parsed.success).toBe('boolean');
  }
}

test('random requests, one at a time and in concurrent bursts, never get a 5xx', async () => {
  const before = countUsers(api.db);
  await fc.assert(
    fc.asyncProperty(request, async (req) => send(req)),
    { numRuns: 400 },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(request, { minLength: 5, maxLength: 40 }), async (batch) => {
      await Promise.all(batch.map(send));
    }),
    { numRuns: 30 },
  );

  expect(logger.error).not.toHaveBeenCalled();
  expect(api.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(api.db.pragma('foreign_key_check')).toEqual([]);
  expect(countUsers(api.db)).toBe(before + signupsAnswered200);
  expect(signupsAnswered200).toBeGreaterThan(10);

  // Still serving, and the known accounts still answer.
  for (const t of tokens) {
    const response = await rawRequest(api.url, {
      method: 'GET',
      path: '/api/v7/user/info',
      headers: { 'x-access-token': t },
    });
    expect(response.status).toBe(200);
  }
});
