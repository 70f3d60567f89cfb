import fc from 'fast-check';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import {
  ApiError,
  getUserInfo,
  isApiError,
  login,
  setUserInfo,
  signup,
  type RequestOptions,
} from './index';
import { anyBody, anyStatus } from './test-arbitraries';

// The texts the contract gives for its 400 and 401 answers.
const BAD_REQUEST =
  'One or more API parameters are malformed. Please check your request and try again';
const UNAUTHORIZED = 'Invalid username, password, or access token';

const TOKEN = 'tok_SECRET_wcdE8dGPZEshG6B8E5uGpgALr5LzwPX5';
const PASSWORD = 'pw_SECRET_correct-horse-battery';
const ACCOUNT = { username: 'ada', email: 'ada@example.com', password: PASSWORD };

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}
type Responder = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let received: Received[];
let responder: Responder;
let requestArrived: Promise<void>;
let signalArrival: () => void;

// A fresh server (so a fresh origin and connection pool) per test: a connection left over
// from an aborted request can then never swallow the next test's request.
beforeEach(async () => {
  received = [];
  responder = reply(500, { success: false });
  requestArrived = new Promise((resolve) => (signalArrival = resolve));
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, headers: request.headers, body });
      response.setHeader('connection', 'close');
      responder(request, response);
      signalArrival();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  vi.unstubAllEnvs();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

function replyHtml(status: number, html: string): Responder {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html' });
    response.end(html);
  };
}

const neverAnswer: Responder = () => undefined;

// The announced length makes the cut-off detectable, as it is for a real truncated answer.
const answerHalfway: Responder = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  response.write('{"success":true,');
};

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail');
}

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await rejectionOf(promise);
  if (!isApiError(error)) throw new Error(`Expected an ApiError, got ${String(error)}`);
  return error;
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

// Read `baseUrl` when called: each test has its own server.
const calls = {
  signup: (options?: RequestOptions) => signup(ACCOUNT, { baseUrl, ...options }),
  login: (options?: RequestOptions) =>
    login({ username: 'ada', password: PASSWORD }, { baseUrl, ...options }),
  getUserInfo: (options?: RequestOptions) => getUserInfo(TOKEN, { baseUrl, ...options }),
  setUserInfo: (options?: RequestOptions) => setUserInfo(TOKEN, ACCOUNT, { baseUrl, ...options }),
};

/** Each operation with the fields of its success answer and what it then resolves to. */
const operations: {
  name: string;
  call: (options?: RequestOptions) => Promise<unknown>;
  fields: Record<string, string>;
  result: Record<string, string> | undefined;
}[] = [
  {
    name: 'signup',
    call: calls.signup,
    fields: { accessToken: 'new-token' },
    result: { accessToken: 'new-token' },
  },
  {
    name: 'login',
    call: calls.login,
    fields: { accessToken: 'new-token' },
    result: { accessToken: 'new-token' },
  },
  {
    name: 'getUserInfo',
    call: calls.getUserInfo,
    fields: { username: 'ada', email: 'ada@example.com' },
    result: { username: 'ada', email: 'ada@example.com' },
  },
  { name: 'setUserInfo', call: calls.setUserInfo, fields: {}, result: undefined },
];

// --- what each operation sends and returns -------------------------------------------------

test('signup posts the new account as JSON, without a token, and returns the access token', async () => {
  responder = reply(200, { success: true, accessToken: 'new-token' });

  await expect(signup(ACCOUNT, { baseUrl })).resolves.toStrictEqual({ accessToken: 'new-token' });

  const request = only(received);
  expect(request.method).toBe('POST');
  expect(request.url).toBe('/api/v7/signup');
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers.accept).toBe('application/json');
  expect(request.headers['x-access-token']).toBeUndefined();
  expect(request.headers.cookie).toBeUndefined();
  expect(JSON.parse(request.body)).toStrictEqual(ACCOUNT);
});

test('login posts the credentials as JSON, without a token, and returns the access token', async () => {
  responder = reply(200, { success: true, accessToken: 'new-token' });

  await expect(login({ username: 'ada', password: PASSWORD }, { baseUrl })).resolves.toStrictEqual({
    accessToken: 'new-token',
  });

  const request = only(received);
  expect(request.method).toBe('POST');
  expect(request.url).toBe('/api/v7/login');
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers.accept).toBe('application/json');
  expect(request.headers['x-access-token']).toBeUndefined();
  expect(JSON.parse(request.body)).toStrictEqual({ username: 'ada', password: PASSWORD });
});

test('getUserInfo sends the token in x-access-token only, and returns the user', async () => {
  responder = reply(200, { success: true, username: 'ada', email: 'ada@example.com' });

  await expect(getUserInfo(TOKEN, { baseUrl })).resolves.toStrictEqual({
    username: 'ada',
    email: 'ada@example.com',
  });

  const request = only(received);
  expect(request.method).toBe('GET');
  expect(request.url).toBe('/api/v7/user/info');
  expect(request.headers['x-access-token']).toBe(TOKEN);
  expect(request.headers.accept).toBe('application/json');
  expect(request.headers['content-type']).toBeUndefined();
  expect(request.body).toBe('');
});

test('setUserInfo puts the new account data as JSON with the token, and resolves empty', async () => {
  responder = reply(200, { success: true });

  await expect(setUserInfo(TOKEN, ACCOUNT, { baseUrl })).resolves.toBeUndefined();

  const request = only(received);
  expect(request.method).toBe('PUT');
  expect(request.url).toBe('/api/v7/user/info');
  expect(request.headers['x-access-token']).toBe(TOKEN);
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers.accept).toBe('application/json');
  expect(JSON.parse(request.body)).toStrictEqual(ACCOUNT);
});

test('only the contract fields of the input are sent', async () => {
  responder = reply(200, { success: true, accessToken: 'new-token' });
  const formValues = { ...ACCOUNT, confirmPassword: PASSWORD, remember: true };

  await signup(formValues, { baseUrl });
  await login(formValues, { baseUrl });

  expect(received.map((request) => JSON.parse(request.body) as unknown)).toStrictEqual([
    ACCOUNT,
    { username: 'ada', password: PASSWORD },
  ]);
});

test.each(operations)('$name accepts a success answer without `success`', async (operation) => {
  responder = reply(200, operation.fields);

  await expect(operation.call()).resolves.toStrictEqual(operation.result);
});

test.each(operations)('$name ignores extra fields and does not pass them on', async (operation) => {
  responder = reply(200, { success: true, ...operation.fields, id: 7, role: 'admin', error: null });

  await expect(operation.call()).resolves.toStrictEqual(operation.result);
});

// --- answers that cannot be trusted ----------------------------------------------------------

test.each(operations)('$name refuses `success: false` on a 200', async ({ call, fields }) => {
  responder = reply(200, { ...fields, success: false, error: 'Nope' });

  const error = await apiErrorOf(call());

  expect(error.kind).toBe('bad-response');
  expect(error.status).toBe(200);
  expect(error.serverMessage).toBe('Nope');
});

test.each([
  { name: 'signup', call: calls.signup, body: { success: true, accessToken: 42 } },
  { name: 'signup', call: calls.signup, body: { success: true, accessToken: '' } },
  { name: 'login', call: calls.login, body: { success: true, token: 'new-token' } },
  { name: 'getUserInfo', call: calls.getUserInfo, body: { success: true, username: 'ada' } },
  { name: 'getUserInfo', call: calls.getUserInfo, body: [{ username: 'ada', email: 'a@b.c' }] },
  { name: 'setUserInfo', call: calls.setUserInfo, body: { success: 'true' } },
  { name: 'setUserInfo', call: calls.setUserInfo, body: 'null' },
])('$name refuses a 200 of the wrong shape: $body', async ({ call, body }) => {
  responder = reply(200, body);

  const error = await apiErrorOf(call());

  expect(error.kind).toBe('bad-response');
  expect(error.status).toBe(200);
});

test.each(operations)('$name reads an HTML 502 page as a server error', async ({ call }) => {
  responder = replyHtml(502, NGINX_502);

  const error = await apiErrorOf(call());

  expect(error.kind).toBe('server');
  expect(error.status).toBe(502);
  expect(error.serverMessage).toBeUndefined();
});

test.each(operations)('$name refuses an HTML page sent with 200', async ({ call }) => {
  responder = replyHtml(200, '<!doctype html><html><body><div id="root"></div></body></html>');

  const error = await apiErrorOf(call());

  expect(error.kind).toBe('bad-response');
  expect(error.status).toBe(200);
});

test.each(['signup', 'login', 'getUserInfo'] as const)('%s refuses an empty 200', async (name) => {
  responder = reply(200, '');

  expect((await apiErrorOf(calls[name]())).kind).toBe('bad-response');
});

test('setUserInfo takes an empty 200 or a 204 as done: the status already says so', async () => {
  responder = reply(200, '');
  await expect(calls.setUserInfo()).resolves.toBeUndefined();
  responder = reply(204, '');
  await expect(calls.setUserInfo()).resolves.toBeUndefined();
});

// --- error answers -------------------------------------------------------------------------

test.each(operations)(
  '$name turns a 400 into invalid-input with the server text',
  async ({ call }) => {
    responder = reply(400, { success: false, error: BAD_REQUEST });

    const error = await apiErrorOf(call());

    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('invalid-input');
    expect(error.status).toBe(400);
    expect(error.serverMessage).toBe(BAD_REQUEST);
    expect(error.message).not.toBe('');
  },
);

test.each(operations)(
  '$name turns a 401 into unauthorized with the server text',
  async ({ call }) => {
    responder = reply(401, { success: false, error: UNAUTHORIZED });

    const error = await apiErrorOf(call());

    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.serverMessage).toBe(UNAUTHORIZED);
  },
);

test('an `error` that is not a string is not passed on as the server text', async () => {
  responder = reply(401, { success: false, error: { reason: 'expired' } });

  const error = await apiErrorOf(getUserInfo(TOKEN, { baseUrl }));

  expect(error.kind).toBe('unauthorized');
  expect(error.serverMessage).toBeUndefined();
});

test.each(operations)(
  '$name turns a 429 into rate-limited with Retry-After seconds',
  async ({ call }) => {
    responder = reply(429, { success: false, error: 'Slow down' }, { 'retry-after': '30' });

    const error = await apiErrorOf(call());

    expect(error.kind).toBe('rate-limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.serverMessage).toBe('Slow down');
    expect(error.message).toContain('30 seconds');
  },
);

test('a 429 with Retry-After as an HTTP-date gives the seconds left until then', async () => {
  responder = reply(429, '', { 'retry-after': new Date(Date.now() + 120_000).toUTCString() });

  const error = await apiErrorOf(login(ACCOUNT, { baseUrl }));

  expect(error.kind).toBe('rate-limited');
  expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(118);
  expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
});

test('a 429 without a usable Retry-After has no delay', async () => {
  const headerSets: Record<string, string>[] = [{}, { 'retry-after': 'later' }];
  for (const headers of headerSets) {
    responder = reply(429, { success: false }, headers);

    const error = await apiErrorOf(login(ACCOUNT, { baseUrl }));

    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.message).toBe('Too many attempts. Try again later.');
  }
});

test.each([500, 503])('a %i is a server error, sent once and not retried', async (status) => {
  responder = reply(status, { success: false, error: 'Database unavailable' });

  const error = await apiErrorOf(getUserInfo(TOKEN, { baseUrl }));

  expect(error.kind).toBe('server');
  expect(error.status).toBe(status);
  expect(error.serverMessage).toBe('Database unavailable');
  expect(received).toHaveLength(1);
});

test.each([403, 404, 405, 302, 307])(
  'a %i, which the contract never gives, is a bad response',
  async (status) => {
    responder = reply(status, { error: 'Not here' }, { location: 'http://127.0.0.1:9/elsewhere' });

    const error = await apiErrorOf(setUserInfo(TOKEN, ACCOUNT, { baseUrl }));

    expect(error.kind).toBe('bad-response');
    expect(error.status).toBe(status);
    expect(received).toHaveLength(1);
  },
);

// --- the network, the clock and the caller ---------------------------------------------------

test('a server that cannot be reached is a network error', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));

  const error = await apiErrorOf(login(ACCOUNT, { baseUrl: `http://127.0.0.1:${port}` }));

  expect(error.kind).toBe('network');
  expect(error.status).toBeUndefined();
});

test('a connection dropped before any answer is a network error', async () => {
  responder = (request) => request.socket.destroy();

  const error = await apiErrorOf(getUserInfo(TOKEN, { baseUrl }));

  expect(error.kind).toBe('network');
});

test('a connection dropped halfway through the answer is a network error', async () => {
  responder = (request, response) => {
    answerHalfway(request, response);
    setTimeout(() => request.socket.destroy(), 10);
  };

  const error = await apiErrorOf(getUserInfo(TOKEN, { baseUrl }));

  expect(error.kind).toBe('network');
});

test('a server that never answers times out', async () => {
  responder = neverAnswer;

  const error = await apiErrorOf(getUserInfo(TOKEN, { baseUrl, timeoutMs: 50 }));

  expect(error.kind).toBe('timeout');
  expect(error.status).toBeUndefined();
  expect(received).toHaveLength(1);
});

test('an answer that stops halfway times out', async () => {
  responder = answerHalfway;

  const error = await apiErrorOf(getUserInfo(TOKEN, { baseUrl, timeoutMs: 50 }));

  expect(error.kind).toBe('timeout');
});

test("the caller's abort rejects with the signal's own AbortError, not an ApiError", async () => {
  responder = neverAnswer;
  const controller = new AbortController();

  const call = getUserInfo(TOKEN, { baseUrl, signal: controller.signal });
  await requestArrived;
  controller.abort();
  const error = await rejectionOf(call);

  expect(error).toBe(controller.signal.reason);
  expect(error).toMatchObject({ name: 'AbortError' });
  expect(isApiError(error)).toBe(false);
});

test("the caller's abort while the answer is arriving still rejects with its reason", async () => {
  responder = answerHalfway;
  const controller = new AbortController();

  const call = login(ACCOUNT, { baseUrl, signal: controller.signal });
  await requestArrived;
  await new Promise((resolve) => setTimeout(resolve, 20));
  controller.abort();

  await expect(call).rejects.toBe(controller.signal.reason);
});

test("a caller's own abort reason is passed through untouched", async () => {
  responder = neverAnswer;
  const controller = new AbortController();
  const reason = new Error('Page left');

  const call = login(ACCOUNT, { baseUrl, signal: controller.signal });
  await requestArrived;
  controller.abort(reason);

  await expect(call).rejects.toBe(reason);
});

test('an already aborted signal sends nothing', async () => {
  const controller = new AbortController();
  controller.abort();

  await expect(login(ACCOUNT, { baseUrl, signal: controller.signal })).rejects.toMatchObject({
    name: 'AbortError',
  });
  expect(received).toHaveLength(0);
});

test("the caller's signal times out like its own abort, before our timeout", async () => {
  responder = neverAnswer;
  const signal = AbortSignal.timeout(20);

  const error = await rejectionOf(getUserInfo(TOKEN, { baseUrl, signal, timeoutMs: 5_000 }));

  expect(error).toBe(signal.reason);
  expect(isApiError(error)).toBe(false);
});

test("a settled call leaves no listener on the caller's signal and no pending timer", async () => {
  responder = reply(200, { accessToken: 'new-token' });
  const controller = new AbortController();
  const added = vi.spyOn(controller.signal, 'addEventListener');
  const removed = vi.spyOn(controller.signal, 'removeEventListener');
  const setTimer = vi.spyOn(globalThis, 'setTimeout');
  const clearTimer = vi.spyOn(globalThis, 'clearTimeout');

  await login(ACCOUNT, { baseUrl, signal: controller.signal, timeoutMs: 12_345 });

  expect(added).toHaveBeenCalledTimes(1);
  expect(removed.mock.calls.map((call) => call[1])).toEqual(
    added.mock.calls.map((call) => call[1]),
  );
  const ourTimer = setTimer.mock.results[
    setTimer.mock.calls.findIndex((call) => call[1] === 12_345)
  ]?.value as unknown;
  expect(ourTimer).toBeDefined();
  expect(clearTimer).toHaveBeenCalledWith(ourTimer);
});

// --- secrets -------------------------------------------------------------------------------

test.each([
  { name: '400', responder: reply(400, { success: false, error: BAD_REQUEST }) },
  { name: '401', responder: reply(401, { success: false, error: UNAUTHORIZED }) },
  { name: '429', responder: reply(429, {}, { 'retry-after': '3' }) },
  { name: '500', responder: reply(500, {}) },
  { name: 'HTML 502', responder: replyHtml(502, NGINX_502) },
  { name: 'wrong shape', responder: reply(200, { accessToken: 1, username: 2 }) },
  { name: 'empty 200', responder: reply(200, '') },
  { name: 'dropped connection', responder: (request: IncomingMessage) => request.socket.destroy() },
  { name: 'timeout', responder: neverAnswer },
])('no error message or URL carries the token or the password ($name)', async (scenario) => {
  responder = scenario.responder;

  for (const operation of operations) {
    const error = await operation.call({ timeoutMs: 50 }).catch((reason: unknown) => reason);
    if (operation.result === undefined && error === undefined) continue; // a valid update
    if (!isApiError(error)) throw new Error(`Expected an ApiError, got ${String(error)}`);
    for (const text of [error.message, String(error), error.stack ?? '', JSON.stringify(error)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(PASSWORD);
    }
  }
  for (const request of received) expect(request.url).not.toContain(TOKEN);
});

test.each([`${TOKEN}\r\nx-injected: 1`, `${TOKEN}\u0001`, ` ${TOKEN}`, `${TOKEN}é`, ''])(
  'a token no header can carry intact is unauthorized, never sent, and not quoted: %j',
  async (token) => {
    const error = await apiErrorOf(setUserInfo(token, ACCOUNT, { baseUrl }));

    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBeUndefined();
    expect(error.message).not.toContain(TOKEN);
    expect(received).toHaveLength(0);
  },
);

// --- where requests go ---------------------------------------------------------------------

test('requests go to the same origin by default', async () => {
  vi.stubEnv('VITE_API_BASE_URL', undefined);
  const fetchSpy = vi
    .spyOn(globalThis, 'fetch')
    .mockResolvedValue(Response.json({ username: 'ada', email: 'ada@example.com' }));

  await getUserInfo(TOKEN);

  expect(fetchSpy.mock.calls[0]?.[0]).toBe('/api/v7/user/info');
});

test('VITE_API_BASE_URL moves the API elsewhere, trailing slash or not', async () => {
  responder = reply(200, { accessToken: 'new-token' });

  vi.stubEnv('VITE_API_BASE_URL', `${baseUrl}/`);
  await login(ACCOUNT);
  vi.stubEnv('VITE_API_BASE_URL', baseUrl);
  await login(ACCOUNT);

  expect(received.map((request) => request.url)).toEqual(['/api/v7/login', '/api/v7/login']);
});

test('options.baseUrl overrides VITE_API_BASE_URL', async () => {
  responder = reply(200, { accessToken: 'new-token' });
  vi.stubEnv('VITE_API_BASE_URL', 'http://127.0.0.1:9');

  await expect(login(ACCOUNT, { baseUrl: `${baseUrl}/` })).resolves.toStrictEqual({
    accessToken: 'new-token',
  });
  expect(only(received).url).toBe('/api/v7/login');
});

test('isApiError tells API failures from everything else', () => {
  expect(isApiError(new ApiError('server', { status: 500 }))).toBe(true);
  expect(isApiError(new Error('boom'))).toBe(false);
  expect(isApiError(new DOMException('Aborted', 'AbortError'))).toBe(false);
  expect(isApiError({ kind: 'server' })).toBe(false);
});

// --- any answer at all, over real HTTP --------------------------------------------------------

test.each(operations)(
  '$name resolves to its typed fields or rejects with an ApiError, whatever the server says',
  async (operation) => {
    await fc.assert(
      fc.asyncProperty(anyStatus, anyBody, async (status, body) => {
        responder = reply(status, body);
        let result: unknown;
        try {
          result = await operation.call();
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          return;
        }
        if (operation.result === undefined) {
          expect(result).toBeUndefined();
        } else {
          expect(Object.keys(result as object).sort()).toEqual(
            Object.keys(operation.result).sort(),
          );
          for (const value of Object.values(result as object)) expect(typeof value).toBe('string');
        }
      }),
      { numRuns: 50 },
    );
  },
);

test('any token string either reaches the server in its header or fails as an ApiError', async () => {
  responder = reply(200, { username: 'ada', email: 'ada@example.com' });
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'binary' }), async (token) => {
      const outcome = await getUserInfo(token, { baseUrl }).catch((error: unknown) => error);
      if (isApiError(outcome)) {
        expect(outcome.kind).toBe('unauthorized');
      } else {
        expect(outcome).toStrictEqual({ username: 'ada', email: 'ada@example.com' });
        expect(received.at(-1)?.headers['x-access-token']).toBe(token);
      }
    }),
    { numRuns: 50 },
  );
});

test('a very long timeoutMs does not overflow into an instant timeout', async () => {
  responder = (request, response) => {
    setTimeout(() => reply(200, { accessToken: 'new-token' })(request, response), 30);
  };

  await expect(login(ACCOUNT, { baseUrl, timeoutMs: Infinity })).resolves.toStrictEqual({
    accessToken: 'new-token',
  });
});
