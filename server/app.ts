import type { IncomingMessage, ServerResponse } from 'node:http';
import { emailRule, passwordRule, usernameRule } from '../src/shared/field-rules.ts';
import type { Db } from './db.ts';
import { readJsonBody, sendJson } from './http.ts';
import { createPasswordHasher, DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './passwords.ts';
import { createRateLimiter, type Clock } from './rate-limit.ts';
import { createTokenStore } from './tokens.ts';
import { createUserRepository, type UserFields } from './users.ts';

export const DEFAULT_LOGIN_FAILURE_LIMIT = 10;
export const DEFAULT_SIGNUP_LIMIT = 20;
const RATE_WINDOW_MS = 60_000;

export const ERRORS = {
  badRequest: 'One or more API parameters are malformed. Please check your request and try again',
  unauthorized: 'Invalid username, password, or access token',
  tooManyAttempts: 'Too many attempts. Please try again later.',
  notFound: 'Not found',
  methodNotAllowed: 'Method not allowed',
  internal: 'Internal server error',
} as const;

export interface ApiHandlerOptions {
  /** An open database from `openDatabase`; the caller closes it. */
  db: Db;
  /** Failed log-ins per username per minute; the next attempt gets 429. Default 10. */
  loginFailureLimit?: number;
  /** Signups per client address per minute; the next one gets 429. Default 20. */
  signupLimit?: number;
  /** scrypt cost for new hashes. Default N=2^15, r=8, p=1; tests lower it. */
  scrypt?: ScryptParams;
  /** Milliseconds clock for the rate limits; tests move it by hand. */
  now?: Clock;
  /** Gets unexpected errors (never request bodies, passwords or tokens). Default console. */
  logger?: Pick<Console, 'error'>;
}

export type NextFunction = (error?: unknown) => void;

/** Connect-style middleware: answers everything under /api/, passes anything else to `next`. */
export type ApiHandler = (req: IncomingMessage, res: ServerResponse, next?: NextFunction) => void;

type Method = 'GET' | 'POST' | 'PUT';
type Endpoint = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(error);
  }
}

const badRequest = () => new HttpError(400, ERRORS.badRequest);
const unauthorized = () => new HttpError(401, ERRORS.unauthorized);
const tooManyAttempts = (retryAfterSeconds: number) =>
  new HttpError(429, ERRORS.tooManyAttempts, { 'Retry-After': String(retryAfterSeconds) });

function pathnameOf(url: string | undefined): string {
  const path = url ?? '/';
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/** Whether a request URL belongs to the API (this handler answers it, whatever it is). */
export function isApiPath(url: string | undefined): boolean {
  const pathname = pathnameOf(url);
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** Own property only: a body is data, not something to walk the prototype chain of. */
function field(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

async function readObject(req: IncomingMessage): Promise<object> {
  const body = await readJsonBody(req);
  if (!body.ok || typeof body.value !== 'object' || body.value === null) throw badRequest();
  if (Array.isArray(body.value)) throw badRequest();
  return body.value;
}

/** Username, email and password, each checked with the rule the portal's forms use. */
function parseAccountFields(body: object) {
  const username = usernameRule.safeParse(field(body, 'username'));
  const email = emailRule.safeParse(field(body, 'email'));
  const password = passwordRule.safeParse(field(body, 'password'));
  if (!username.success || !email.success || !password.success) throw badRequest();
  return { username: username.data, email: email.data, password: password.data };
}

export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const { db, now = Date.now, logger = console } = options;
  const users = createUserRepository(db);
  const tokens = createTokenStore(db);
  const passwords = createPasswordHasher(options.scrypt ?? DEFAULT_SCRYPT_PARAMS);
  const loginFailures = createRateLimiter({
    limit: options.loginFailureLimit ?? DEFAULT_LOGIN_FAILURE_LIMIT,
    windowMs: RATE_WINDOW_MS,
    now,
  });
  const signups = createRateLimiter({
    limit: options.signupLimit ?? DEFAULT_SIGNUP_LIMIT,
    windowMs: RATE_WINDOW_MS,
    now,
  });

  const createAccount = db.transaction((fields: UserFields) => {
    const created = users.create(fields);
    return created.ok ? tokens.issue(created.value.id) : undefined;
  });

  function authenticate(req: IncomingMessage) {
    const token = req.headers['x-access-token'];
    const userId = typeof token === 'string' ? tokens.findUserId(token) : undefined;
    const user = userId === undefined ? undefined : users.findById(userId);
    if (!user) throw unauthorized();
    return user;
  }

  async function signup(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every attempt counts, valid or not: each may cost a password hash.
    const attempt = signups.attempt(req.socket.remoteAddress ?? '');
    if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterSeconds);
    const { username, email, password } = parseAccountFields(await readObject(req));
    const passwordHash = await passwords.hash(password);
    const accessToken = createAccount({ username, email, passwordHash });
    if (accessToken === undefined) throw badRequest();
    sendJson(req, res, 200, { success: true, accessToken });
  }

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readObject(req);
    const username = field(body, 'username');
    const password = field(body, 'password');
    // Only the shape is checked here, not the signup rules: wrong values are wrong
    // credentials (401), and an account made under older rules can still log in.
    if (typeof username !== 'string' || typeof password !== 'string') throw badRequest();
    if (username === '' || password === '') throw badRequest();

    // Keyed the way usernames compare (see db.ts); longer names cannot exist, so they share one key.
    const attempt = loginFailures.attempt(username.toLowerCase().slice(0, 64));
    if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterSeconds);

    const user = users.findByUsername(username);
    const valid = user
      ? await passwords.verify(password, user.passwordHash)
      : await passwords.verifyAgainstDummy(password);
    if (!user || !valid) throw unauthorized();

    attempt.refund();
    if (passwords.needsRehash(user.passwordHash)) {
      users.setPasswordHash(user.id, await passwords.hash(password));
    }
    sendJson(req, res, 200, { success: true, accessToken: tokens.issue(user.id) });
  }

  function getUserInfo(req: IncomingMessage, res: ServerResponse): void {
    const { username, email } = authenticate(req);
    sendJson(req, res, 200, { success: true, username, email });
  }

  async function setUserInfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { id } = authenticate(req);
    const { username, email, password } = parseAccountFields(await readObject(req));
    const passwordHash = await passwords.hash(password);
    const updated = users.update(id, { username, email, passwordHash });
    if (!updated.ok) throw updated.reason === 'taken' ? badRequest() : unauthorized();
    sendJson(req, res, 200, { success: true });
  }

  const routes: Record<string, Partial<Record<Method, Endpoint>>> = {
    '/api/v7/signup': { POST: signup },
    '/api/v7/login': { POST: login },
    '/api/v7/user/info': { GET: getUserInfo, PUT: setUserInfo },
  };

  async function dispatch(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    if (!route) throw new HttpError(404, ERRORS.notFound);
    const method = req.method ?? '';
    const endpoint = Object.hasOwn(route, method) ? route[method as Method] : undefined;
    if (!endpoint) {
      throw new HttpError(405, ERRORS.methodNotAllowed, { Allow: Object.keys(route).join(', ') });
    }
    await endpoint(req, res);
  }

  return (req, res, next) => {
    const pathname = pathnameOf(req.url);
    if (!isApiPath(pathname) && next) {
      next();
      return;
    }
    dispatch(req, res, pathname).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendJson(req, res, error.status, { success: false, error: error.error }, error.headers);
        return;
      }
      // The stack names our code, never the request's body or headers.
      const detail = error instanceof Error ? (error.stack ?? error.message) : typeof error;
      logger.error(`[aurora-api] ${req.method ?? '?'} ${pathname} failed: ${detail}`);
      if (res.headersSent) res.destroy();
      else sendJson(req, res, 500, { success: false, error: ERRORS.internal });
    });
  };
}
