import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import {
  EMAIL_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  USERNAME_MAX,
  USERNAME_MIN,
} from '../src/shared/field-rules.ts';
import { createApiHandler, ERRORS } from './app.ts';
import { openDatabase } from './db.ts';
import { MAX_BODY_BYTES } from './http.ts';
import {
  closeServer,
  countUsers,
  listen,
  newAccount,
  sendRequest,
  signUp,
  startTestApi,
  TEST_SCRYPT,
  type ApiResponse,
  type TestApi,
} from './test-support/api-server.ts';
import { expectContractResponse } from './test-support/contract.ts';

const SIGNUP = '/api/v7/signup';
const LOGIN = '/api/v7/login';
const USER_INFO = '/api/v7/user/info';

const badRequest = { success: false, error: ERRORS.badRequest };
const unauthorized = { success: false, error: ERRORS.unauthorized };

let api: TestApi;
const logger = { error: vi.fn<(message: string) => void>() };

beforeAll(async () => {
  api = await startTestApi({ logger });
});
afterAll(async () => {
  await api.close();
});
afterEach(() => {
  // The server logs only unexpected failures; a test that expects one clears the mock.
  expect(logger.error).not.toHaveBeenCalled();
  logger.error.mockReset();
});

async function call(method: string, path: string, options?: Parameters<TestApi['request']>[2]) {
  const response = await api.request(method, path, options);
  expectContractResponse(method, path, response);
  return response;
}

function tokenOf(response: ApiResponse): string {
  const token = (response.body as { accessToken?: unknown }).accessToken;
  if (typeof token !== 'string') throw new Error('no access token');
  return token;
}

/** A 400 that wrote nothing: same number of accounts before and after. */
async function expectRejectedSignup(options: Parameters<TestApi['request']>[2]) {
  const before = countUsers(api.db);
  const response = await call('POST', SIGNUP, options);
  expect(response.status).toBe(400);
  expect(response.body).toEqual(badRequest);
  expect(countUsers(api.db)).toBe(before);
}

// --- signup -------------------------------------------------------------------------------

test('signup creates an account and answers with a long random access token', async () => {
  const before = countUsers(api.db);
  const response = await call('POST', SIGNUP, { json: newAccount() });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ success: true, accessToken: expect.any(String) });
  expect(tokenOf(response)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(countUsers(api.db)).toBe(before + 1);
});

test('the token from signup opens the new account', async () => {
  const account = newAccount();
  const token = await signUp(api, account);
  const response = await call('GET', USER_INFO, { token });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({
    success: true,
    username: account.username,
    email: account.email,
  });
});

test('signup keeps the email as typed', async () => {
  const account = { ...newAccount(), email: `Mixed.Case.${Date.now()}@Example.COM` };
  const token = await signUp(api, account);
  const response = await call('GET', USER_INFO, { token });
  expect(response.body).toMatchObject({ email: account.email });
});

test('signup refuses a username that exists, in any letter case', async () => {
  const account = newAccount('Taken');
  await signUp(api, account);
  await expectRejectedSignup({ json: { ...newAccount(), username: account.username } });
  await expectRejectedSignup({
    json: { ...newAccount(), username: account.username.toLowerCase() },
  });
  await expectRejectedSignup({
    json: { ...newAccount(), username: account.username.toUpperCase() },
  });
});

test('signup refuses an email that exists, in any letter case', async () => {
  const account = newAccount();
  await signUp(api, account);
  await expectRejectedSignup({ json: { ...newAccount(), email: account.email } });
  await expectRejectedSignup({ json: { ...newAccount(), email: account.email.toUpperCase() } });
});

test.each([
  ['username', 'a'.repeat(USERNAME_MIN - 1), 400],
  ['username', 'a'.repeat(USERNAME_MIN), 200],
  ['username', 'b'.repeat(USERNAME_MAX), 200],
  ['username', 'c'.repeat(USERNAME_MAX + 1), 400],
  ['username', 'dots.under_scores-hyphens9', 200],
  ['username', 'has space', 400],
  ['username', 'at@sign', 400],
  ['username', 'ünïcode', 400],
  ['username', '', 400],
  ['email', `${'e'.repeat(EMAIL_MAX - '@example.com'.length)}@example.com`, 200],
  ['email', `${'f'.repeat(EMAIL_MAX + 1 - '@example.com'.length)}@example.com`, 400],
  ['email', 'not-an-email', 400],
  ['email', 'missing-domain@', 400],
  ['email', '@missing-local.com', 400],
  ['email', '', 400],
  ['password', 'p'.repeat(PASSWORD_MIN - 1), 400],
  ['password', 'p'.repeat(PASSWORD_MIN), 200],
  ['password', 'q'.repeat(PASSWORD_MAX), 200],
  ['password', 'r'.repeat(PASSWORD_MAX + 1), 400],
  ['password', '', 400],
] as const)('signup with %s %j answers %i', async (name, value, status) => {
  const before = countUsers(api.db);
  const response = await call('POST', SIGNUP, { json: { ...newAccount(), [name]: value } });
  expect(response.status).toBe(status);
  expect(countUsers(api.db)).toBe(status === 200 ? before + 1 : before);
  if (status === 400) expect(response.body).toEqual(badRequest);
});

test.each(['username', 'email', 'password'])('signup without %s is a 400', async (name) => {
  const account = Object.fromEntries(Object.entries(newAccount()).filter(([key]) => key !== name));
  await expectRejectedSignup({ json: account });
});

test.each([42, null, true, ['a-list'], { nested: 'object' }])(
  'signup with a %j username is a 400',
  async (value) => {
    await expectRejectedSignup({ json: { ...newAccount(), username: value } });
  },
);

test.each([
  ['malformed JSON', '{"username": "broken",', 'application/json'],
  ['a JSON array', JSON.stringify([newAccount()]), 'application/json'],
  ['a JSON string', JSON.stringify('username'), 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['an empty body', '', 'application/json'],
  ['a text/plain body', JSON.stringify(newAccount()), 'text/plain'],
  [
    'a form body',
    'username=form-user&email=f%40example.com&password=password1',
    'application/x-www-form-urlencoded',
  ],
  ['a look-alike type', JSON.stringify(newAccount()), 'application/jsonp'],
  ['a Latin-1 charset', JSON.stringify(newAccount()), 'application/json; charset=iso-8859-1'],
])('signup with %s is a 400', async (_name, raw, contentType) => {
  await expectRejectedSignup({ raw, headers: { 'content-type': contentType } });
});

test('signup with no content type is a 400', async () => {
  await expectRejectedSignup({ raw: JSON.stringify(newAccount()) });
});

test('signup with bytes that are not UTF-8 is a 400', async () => {
  const bytes = new TextEncoder().encode(
    JSON.stringify({ ...newAccount(), password: 'XXXXXXXXXX' }),
  );
  const index = bytes.indexOf('X'.charCodeAt(0));
  bytes.set([0xff, 0xfe], index);
  await expectRejectedSignup({ raw: bytes, headers: { 'content-type': 'application/json' } });
});

test('a JSON content type with a UTF-8 charset in any case is accepted', async () => {
  for (const contentType of [
    'application/json; charset=utf-8',
    'Application/JSON;Charset="UTF-8"',
  ]) {
    const response = await call('POST', SIGNUP, {
      raw: JSON.stringify(newAccount()),
      headers: { 'content-type': contentType },
    });
    expect(response.status).toBe(200);
  }
});

/** A valid signup padded with whitespace to exactly `size` bytes. */
function paddedSignup(size: number): string {
  const json = JSON.stringify(newAccount());
  return json.slice(0, -1) + ' '.repeat(size - json.length) + '}';
}

test('a body of exactly 16 KiB is read', async () => {
  const response = await call('POST', SIGNUP, {
    raw: paddedSignup(MAX_BODY_BYTES),
    headers: { 'content-type': 'application/json' },
  });
  expect(response.status).toBe(200);
});

test('a body over 16 KiB is a 400 and writes nothing', async () => {
  await expectRejectedSignup({
    raw: paddedSignup(MAX_BODY_BYTES + 1),
    headers: { 'content-type': 'application/json' },
  });
});

test('a body over 16 KiB sent in chunks without a length is a 400', async () => {
  const before = countUsers(api.db);
  const encoded = new TextEncoder().encode(paddedSignup(MAX_BODY_BYTES + 1));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < encoded.length; offset += 1000) {
        controller.enqueue(encoded.slice(offset, offset + 1000));
      }
      controller.close();
    },
  });
  const response = await fetch(api.url + SIGNUP, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual(badRequest);
  expect(countUsers(api.db)).toBe(before);
});

test('a client that hangs up halfway through a body leaves nothing behind', async () => {
  const before = countUsers(api.db);
  const { port } = new URL(api.url);
  const socket = connect(Number(port), '127.0.0.1');
  await once(socket, 'connect');
  socket.write(
    'POST /api/v7/signup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Content-Length: 500\r\n\r\n{"username":"half-way",',
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(countUsers(api.db)).toBe(before);
  expect((await call('POST', SIGNUP, { json: newAccount() })).status).toBe(200);
});

test('extra fields in a signup are ignored', async () => {
  const response = await call('POST', SIGNUP, { json: { ...newAccount(), admin: true } });
  expect(response.status).toBe(200);
});

test('two racing signups for one username make exactly one account', async () => {
  const username = newAccount('racer').username;
  const before = countUsers(api.db);
  const responses = await Promise.all([
    call('POST', SIGNUP, { json: { ...newAccount(), username } }),
    call('POST', SIGNUP, { json: { ...newAccount(), username: username.toUpperCase() } }),
  ]);
  expect(responses.map((r) => r.status).sort()).toEqual([200, 400]);
  expect(countUsers(api.db)).toBe(before + 1);
});

test('two racing signups for one email make exactly one account', async () => {
  const email = newAccount('race').email;
  const before = countUsers(api.db);
  const responses = await Promise.all([
    call('POST', SIGNUP, { json: { ...newAccount(), email } }),
    call('POST', SIGNUP, { json: { ...newAccount(), email: email.toUpperCase() } }),
  ]);
  expect(responses.map((r) => r.status).sort()).toEqual([200, 400]);
  expect(countUsers(api.db)).toBe(before + 1);
});

// --- login --------------------------------------------------------------------------------

test('login answers a new token that works alongside the old one', async () => {
  const account = newAccount();
  const signupToken = await signUp(api, account);
  const response = await call('POST', LOGIN, {
    json: { username: account.username, password: account.password },
  });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ success: true, accessToken: expect.any(String) });
  const loginToken = tokenOf(response);
  expect(loginToken).not.toBe(signupToken);
  for (const token of [signupToken, loginToken]) {
    expect((await call('GET', USER_INFO, { token })).status).toBe(200);
  }
});

test('login matches the username in any letter case', async () => {
  const account = newAccount('CamelCase');
  await signUp(api, account);
  const response = await call('POST', LOGIN, {
    json: { username: account.username.toLowerCase(), password: account.password },
  });
  expect(response.status).toBe(200);
});

test('login with a wrong password or an unknown username is a 401', async () => {
  const account = newAccount();
  await signUp(api, account);
  for (const json of [
    { username: account.username, password: 'wrong password' },
    { username: account.username, password: account.password.toUpperCase() },
    { username: 'nobody-has-this-name', password: account.password },
  ]) {
    const response = await call('POST', LOGIN, { json });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthorized);
  }
});

test.each([
  ['no password', { json: { username: 'someone' } }],
  ['no username', { json: { password: 'password1' } }],
  ['a numeric password', { json: { username: 'someone', password: 12345678 } }],
  ['an empty username', { json: { username: '', password: 'password1' } }],
  ['a JSON array', { json: ['someone', 'password1'] }],
  ['malformed JSON', { raw: '{"username":', headers: { 'content-type': 'application/json' } }],
  [
    'a text/plain body',
    { raw: '{"username":"a","password":"b"}', headers: { 'content-type': 'text/plain' } },
  ],
])('login with %s is a 400', async (_name, options) => {
  const response = await call('POST', LOGIN, options);
  expect(response.status).toBe(400);
  expect(response.body).toEqual(badRequest);
});

// --- user info ----------------------------------------------------------------------------

test.each([
  ['no token', undefined],
  ['an unknown token', 'wcdE8dGPZEshG6B8E5uGpgALr5LzwPX5AqZFKAZsfcvzuHVf'],
  ['an empty token', ''],
  ['a huge token', 'x'.repeat(4000)],
])('user info with %s is a 401', async (_name, token) => {
  for (const method of ['GET', 'PUT']) {
    const json = method === 'PUT' ? newAccount() : undefined;
    const response = await call(method, USER_INFO, { token, json });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthorized);
  }
});

test('PUT with a bad token is a 401 even when the body is malformed too', async () => {
  const response = await call('PUT', USER_INFO, {
    token: 'not-a-token',
    raw: '{',
    headers: { 'content-type': 'application/json' },
  });
  expect(response.status).toBe(401);
});

test('PUT user info replaces username, email and password', async () => {
  const account = newAccount();
  const token = await signUp(api, account);
  const changed = newAccount('renamed');
  const response = await call('PUT', USER_INFO, { token, json: changed });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ success: true });

  expect((await call('GET', USER_INFO, { token })).body).toEqual({
    success: true,
    username: changed.username,
    email: changed.email,
  });
  const oldLogin = await call('POST', LOGIN, {
    json: { username: changed.username, password: account.password },
  });
  expect(oldLogin.status).toBe(401);
  const oldName = await call('POST', LOGIN, {
    json: { username: account.username, password: changed.password },
  });
  expect(oldName.status).toBe(401);
  const newLogin = await call('POST', LOGIN, {
    json: { username: changed.username, password: changed.password },
  });
  expect(newLogin.status).toBe(200);
});

test('a token stays valid after its owner changes username', async () => {
  const token = await signUp(api);
  const changed = newAccount('after-rename');
  expect((await call('PUT', USER_INFO, { token, json: changed })).status).toBe(200);
  const response = await call('GET', USER_INFO, { token });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ username: changed.username });
});

test('PUT may keep the account’s own username and email, or change their case', async () => {
  const account = newAccount('keeper');
  const token = await signUp(api, account);
  expect((await call('PUT', USER_INFO, { token, json: account })).status).toBe(200);
  const recased = {
    ...account,
    username: account.username.toUpperCase(),
    email: account.email.toUpperCase(),
  };
  expect((await call('PUT', USER_INFO, { token, json: recased })).status).toBe(200);
  expect((await call('GET', USER_INFO, { token })).body).toMatchObject({
    username: recased.username,
    email: recased.email,
  });
});

async function expectUnchangedAfterPut(json: unknown, raw?: { raw: string; type: string }) {
  const account = newAccount();
  const token = await signUp(api, account);
  const response = await call(
    'PUT',
    USER_INFO,
    raw ? { token, raw: raw.raw, headers: { 'content-type': raw.type } } : { token, json },
  );
  expect(response.status).toBe(400);
  expect(response.body).toEqual(badRequest);
  expect((await call('GET', USER_INFO, { token })).body).toEqual({
    success: true,
    username: account.username,
    email: account.email,
  });
  const login = await call('POST', LOGIN, {
    json: { username: account.username, password: account.password },
  });
  expect(login.status).toBe(200);
}

test('PUT with another account’s username or email is a 400 and changes nothing', async () => {
  const other = newAccount('other');
  await signUp(api, other);
  await expectUnchangedAfterPut({ ...newAccount(), username: other.username.toUpperCase() });
  await expectUnchangedAfterPut({ ...newAccount(), email: other.email.toUpperCase() });
});

test.each([
  ['a short username', { ...newAccount(), username: 'ab' }],
  ['an invalid email', { ...newAccount(), email: 'nope' }],
  ['a short password', { ...newAccount(), password: 'short' }],
  ['no password', { username: 'no-password', email: 'no-password@example.com' }],
  ['a numeric email', { ...newAccount(), email: 7 }],
])('PUT with %s is a 400 and changes nothing', async (_name, json) => {
  await expectUnchangedAfterPut(json);
});

test('PUT with malformed JSON or a wrong content type is a 400 and changes nothing', async () => {
  await expectUnchangedAfterPut(undefined, { raw: '{"username":', type: 'application/json' });
  await expectUnchangedAfterPut(undefined, {
    raw: JSON.stringify(newAccount()),
    type: 'text/plain',
  });
  await expectUnchangedAfterPut(undefined, {
    raw: paddedSignup(MAX_BODY_BYTES + 1),
    type: 'application/json',
  });
});

// --- storage ------------------------------------------------------------------------------

test('tokens and passwords are stored only as hashes', async () => {
  const account = newAccount();
  const token = await signUp(api, account);
  const stored = api.db
    .prepare<[Buffer], { user_id: number }>(
      'SELECT user_id FROM access_tokens WHERE token_hash = ?',
    )
    .get(createHash('sha256').update(token).digest());
  expect(stored).toBeDefined();

  const dump = JSON.stringify([
    api.db.prepare('SELECT * FROM users').all(),
    api.db.prepare('SELECT hex(token_hash) AS h FROM access_tokens').all(),
  ]);
  expect(dump).not.toContain(token);
  expect(dump).not.toContain(account.password);
  const row = api.db
    .prepare<[string], { password_hash: string }>(
      'SELECT password_hash FROM users WHERE username = ?',
    )
    .get(account.username);
  expect(row?.password_hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
});

test('accounts survive a restart of the server on a file database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aurora-restart-'));
  try {
    const databasePath = join(dir, 'nested', 'aurora.db');
    const account = newAccount();
    const first = await startTestApi({ databasePath });
    await signUp(first, account);
    await first.close();

    const second = await startTestApi({ databasePath });
    try {
      const response = await second.request('POST', LOGIN, {
        json: { username: account.username, password: account.password },
      });
      expect(response.status).toBe(200);
      expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an account hashed at an older cost still logs in and is rehashed at the new one', async () => {
  const db = openDatabase(':memory:');
  const old = await startTestApi({ db, scrypt: { N: 2 ** 9, r: 8, p: 1 } });
  const account = newAccount();
  await signUp(old, account);
  await closeServer(old.server);

  const current = await startTestApi({ db, scrypt: TEST_SCRYPT });
  try {
    const login = () =>
      current.request('POST', LOGIN, {
        json: { username: account.username, password: account.password },
      });
    expect((await login()).status).toBe(200);
    const hash = db.prepare<[], string>('SELECT password_hash FROM users').pluck().get();
    expect(hash).toMatch(/^scrypt\$1024\$/);
    expect((await login()).status).toBe(200);
  } finally {
    await current.close();
  }
});

// --- routing and failures -----------------------------------------------------------------

test.each([
  ['GET', '/api/v7/unknown'],
  ['POST', '/api/v6/login'],
  ['GET', '/api'],
  ['GET', '/api/v7/user/info/extra'],
  ['POST', '/api/v7/signup/'],
])('%s %s is a JSON 404', async (method, path) => {
  const response = await api.request(method, path);
  expect(response.status).toBe(404);
  expect(response.body).toEqual({ success: false, error: ERRORS.notFound });
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
});

test.each([
  ['GET', SIGNUP, 'POST'],
  ['PUT', LOGIN, 'POST'],
  ['DELETE', USER_INFO, 'GET, PUT'],
  ['POST', USER_INFO, 'GET, PUT'],
  ['PATCH', USER_INFO, 'GET, PUT'],
])('%s %s is a JSON 405 allowing %s', async (method, path, allow) => {
  const response = await api.request(method, path);
  expect(response.status).toBe(405);
  expect(response.body).toEqual({ success: false, error: ERRORS.methodNotAllowed });
  expect(response.headers.get('allow')).toBe(allow);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
});

test('as middleware it passes other paths on, and answers them 404 alone', async () => {
  const db = openDatabase(':memory:');
  const handler = createApiHandler({ db, scrypt: TEST_SCRYPT });
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.setHeader('content-type', 'text/plain');
      res.end('portal');
    }),
  );
  const url = await listen(server);
  try {
    expect(await (await fetch(`${url}/login`)).text()).toBe('portal');
    expect(await (await fetch(`${url}/apiary`)).text()).toBe('portal');
    expect((await sendRequest(url, 'GET', '/api/nothing')).status).toBe(404);
  } finally {
    await closeServer(server);
    db.close();
  }
  const alone = await startTestApi();
  try {
    const response = await alone.request('GET', '/login');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ success: false, error: ERRORS.notFound });
  } finally {
    await alone.close();
  }
});

test('an unexpected failure is a JSON 500, logged without secrets', async () => {
  const errors = vi.fn<(message: string) => void>();
  const broken = await startTestApi({ logger: { error: errors } });
  broken.db.close();
  try {
    const account = newAccount();
    const response = await broken.request('POST', SIGNUP, { json: account });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ success: false, error: ERRORS.internal });
    expect(errors).toHaveBeenCalledTimes(1);
    const logged = String(errors.mock.calls[0]?.[0]);
    expect(logged).toContain('POST /api/v7/signup');
    expect(logged).not.toContain(account.password);
    expect(logged).not.toContain(account.email);
  } finally {
    await broken.close();
  }
});

// --- rate limits --------------------------------------------------------------------------

test('login answers 429 with Retry-After after 10 failures for one username in a minute', async () => {
  let now = 1_000_000;
  const limited = await startTestApi({ now: () => now, loginFailureLimit: undefined });
  try {
    const account = newAccount();
    await signUp(limited, account);
    const attempt = (password: string, username = account.username) =>
      limited.request('POST', LOGIN, { json: { username, password } });

    // Right passwords do not count towards the limit.
    expect((await attempt(account.password)).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      now += 1_000;
      expect((await attempt(`wrong-${i}`)).status).toBe(401);
    }
    const blocked = await attempt('wrong-again');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ success: false, error: ERRORS.tooManyAttempts });
    expect(blocked.headers.get('retry-after')).toBe('51');
    expect(blocked.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // Even the right password waits, or the limit would not stop guessing.
    expect((await attempt(account.password)).status).toBe(429);
    expect((await attempt(account.password, account.username.toUpperCase())).status).toBe(429);
    // Other usernames are not held up.
    expect((await attempt('wrong', 'someone-else')).status).toBe(401);

    now += 51_000;
    expect((await attempt(account.password)).status).toBe(200);
  } finally {
    await limited.close();
  }
});

test('signup answers 429 with Retry-After after 20 from one address in a minute', async () => {
  let now = 5_000_000;
  const limited = await startTestApi({ now: () => now, signupLimit: undefined });
  try {
    const before = countUsers(limited.db);
    for (let i = 0; i < 20; i++) await signUp(limited);
    const blocked = await limited.request('POST', SIGNUP, { json: newAccount() });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ success: false, error: ERRORS.tooManyAttempts });
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(countUsers(limited.db)).toBe(before + 20);

    now += 60_000;
    expect((await limited.request('POST', SIGNUP, { json: newAccount() })).status).toBe(200);
  } finally {
    await limited.close();
  }
});

test('the limits are options', async () => {
  const now = 0;
  const limited = await startTestApi({ now: () => now, signupLimit: 2, loginFailureLimit: 1 });
  try {
    await signUp(limited);
    await signUp(limited);
    expect((await limited.request('POST', SIGNUP, { json: newAccount() })).status).toBe(429);
    const login = () =>
      limited.request('POST', LOGIN, { json: { username: 'x-user', password: 'wrong-pass' } });
    expect((await login()).status).toBe(401);
    expect((await login()).status).toBe(429);
  } finally {
    await limited.close();
  }
});
