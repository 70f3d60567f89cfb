/**
 * An in-memory fake of the Aurora v7 users API (server/contract/aurora-users-v7.openapi.yaml),
 * installed in place of `fetch`. It keeps accounts and access tokens, answers like the
 * contract, records every call, and lets a test swap in other answers for the next calls:
 *
 *   const fake = installFakeAurora();
 *   const token = fake.addUser({ username: 'ada', email: 'ada@example.com', password: '…' });
 *   fake.next('PUT /api/v7/user/info', () => answers.html(502));
 *
 * The `fetch` spy is undone by the shared setup's `vi.restoreAllMocks()` after each test.
 */
import { vi } from 'vitest';
import { normalizeEmail, passwordRule, usernameRule, emailRule } from '../shared/field-rules';

/** The contract's texts for its 400 and 401 answers. */
export const BAD_REQUEST_TEXT =
  'One or more API parameters are malformed. Please check your request and try again';
export const UNAUTHORIZED_TEXT = 'Invalid username, password, or access token';

export type Route =
  'POST /api/v7/signup' | 'POST /api/v7/login' | 'GET /api/v7/user/info' | 'PUT /api/v7/user/info';

export interface RecordedCall {
  route: string;
  method: string;
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when it is not JSON, undefined when there is none. */
  body: unknown;
}

export interface FakeRequest extends RecordedCall {
  signal: AbortSignal | undefined;
  /** The answer the fake gives when nothing is queued; it applies the call's effects. */
  answer(): Response;
}

/** Returns the answer, or rejects the way `fetch` does (TypeError for a network error). */
export type Override = (request: FakeRequest) => Response | Promise<Response>;

export interface FakeUserInput {
  username: string;
  email: string;
  password: string;
}

interface Account extends FakeUserInput {
  id: number;
}

export interface Hold {
  /** Lets the held call through with the normal answer, or with the given one. */
  release(override?: Override): void;
  /** Resolves once the held call has arrived. */
  arrived: Promise<void>;
}

export interface FakeAurora {
  /** Every call, oldest first. */
  readonly calls: RecordedCall[];
  callsTo(route: Route): RecordedCall[];
  /** Creates an account and returns a valid access token for it. */
  addUser(input: FakeUserInput): string;
  /** The account as stored now, by (case-insensitive) username. */
  user(username: string): FakeUserInput | undefined;
  /** Makes every token issued so far invalid, as if it expired. */
  expireTokens(): void;
  /** Answers the next `times` calls to `route` with `override` instead of the normal answer. */
  next(route: Route, override: Override, times?: number): void;
  /** Holds the next call to `route` until the test releases it. */
  hold(route: Route): Hold;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Ready-made answers for overrides. */
export const answers = {
  json,
  badRequest: () => json(400, { success: false, error: BAD_REQUEST_TEXT }),
  unauthorized: () => json(401, { success: false, error: UNAUTHORIZED_TEXT }),
  serverError: (status = 500) => json(status, { success: false, error: 'Internal error' }),
  /** What a proxy in front of the API says when the API is down. */
  html: (status: number) =>
    new Response(`<html><body><h1>${status} Bad Gateway</h1></body></html>`, {
      status,
      headers: { 'content-type': 'text/html' },
    }),
  rateLimited: (retryAfterSeconds: number) =>
    json(
      429,
      { success: false, error: 'Too many requests' },
      { 'retry-after': String(retryAfterSeconds) },
    ),
  /** What `fetch` does when the connection fails. */
  networkError: (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch')),
  /** Never answers; rejects only when the request is aborted. */
  never: (request: FakeRequest): Promise<Response> =>
    new Promise((_resolve, reject) => {
      request.signal?.addEventListener('abort', () => reject(request.signal?.reason), {
        once: true,
      });
    }),
};

/** Username, email and password from a body, if each passes the rule the server applies. */
function accountInput(body: unknown): FakeUserInput | null {
  const username = usernameRule.safeParse(field(body, 'username'));
  const email = emailRule.safeParse(field(body, 'email'));
  const password = passwordRule.safeParse(field(body, 'password'));
  if (!username.success || !email.success || !password.success) return null;
  return { username: username.data, email: email.data, password: password.data };
}

function readBody(body: unknown): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

export function installFakeAurora(): FakeAurora {
  const calls: RecordedCall[] = [];
  const accounts: Account[] = [];
  const tokens = new Map<string, Account>();
  const queues = new Map<string, { override: Override; left: number }[]>();
  let nextId = 1;
  let tokenCount = 0;

  function issueToken(account: Account): string {
    tokenCount += 1;
    const token = `tok-${tokenCount}-${Math.random().toString(36).slice(2, 12)}`;
    tokens.set(token, account);
    return token;
  }

  const byUsername = (username: string) =>
    accounts.find((account) => account.username.toLowerCase() === username.toLowerCase());
  const taken = (username: string, email: string, except?: Account) =>
    accounts.some(
      (account) =>
        account !== except &&
        (account.username.toLowerCase() === username.toLowerCase() ||
          normalizeEmail(account.email) === normalizeEmail(email)),
    );

  function normalAnswer(call: RecordedCall): Response {
    const { body } = call;
    switch (call.route) {
      case 'POST /api/v7/signup': {
        const input = accountInput(body);
        if (!input || taken(input.username, input.email)) return answers.badRequest();
        const account = { ...input, id: nextId++ };
        accounts.push(account);
        return json(200, { success: true, accessToken: issueToken(account) });
      }
      case 'POST /api/v7/login': {
        const username = field(body, 'username');
        const password = field(body, 'password');
        if (typeof username !== 'string' || typeof password !== 'string') {
          return answers.badRequest();
        }
        const account = byUsername(username);
        if (!account || account.password !== password) return answers.unauthorized();
        return json(200, { success: true, accessToken: issueToken(account) });
      }
      case 'GET /api/v7/user/info': {
        const account = tokens.get(call.headers['x-access-token'] ?? '');
        if (!account) return answers.unauthorized();
        return json(200, { success: true, username: account.username, email: account.email });
      }
      case 'PUT /api/v7/user/info': {
        const account = tokens.get(call.headers['x-access-token'] ?? '');
        if (!account) return answers.unauthorized();
        const input = accountInput(body);
        if (!input || taken(input.username, input.email, account)) return answers.badRequest();
        Object.assign(account, input);
        return json(200, { success: true });
      }
      default:
        return json(404, { success: false, error: 'Not found' });
    }
  }

  function takeOverride(route: string): Override | undefined {
    const queue = queues.get(route);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left -= 1;
    if (head.left <= 0) queue.shift();
    return head.override;
  }

  function next(route: Route, override: Override, times = 1) {
    const queue = queues.get(route) ?? [];
    queue.push({ override, left: times });
    queues.set(route, queue);
  }

  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const href = input instanceof Request ? input.url : String(input);
    const url = new URL(href, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const call: RecordedCall = {
      route: `${method} ${url.pathname}`,
      method,
      path: url.pathname,
      headers,
      body: readBody(init?.body),
    };
    calls.push(call);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const override = takeOverride(call.route);
    if (!override) return normalAnswer(call);
    return override({ ...call, signal, answer: () => normalAnswer(call) });
  });

  return {
    calls,
    callsTo: (route) => calls.filter((call) => call.route === route),
    addUser(input) {
      const account = { ...input, id: nextId++ };
      accounts.push(account);
      return issueToken(account);
    },
    user(username) {
      const account = byUsername(username);
      return (
        account && { username: account.username, email: account.email, password: account.password }
      );
    },
    expireTokens: () => tokens.clear(),
    next,
    hold(route) {
      let release!: (override?: Override) => void;
      let signalArrival!: () => void;
      const released = new Promise<Override | undefined>((resolve) => (release = resolve));
      const arrived = new Promise<void>((resolve) => (signalArrival = resolve));
      next(route, async (request) => {
        signalArrival();
        const override = await released;
        return override ? override(request) : request.answer();
      });
      return { release, arrived };
    },
  };
}
