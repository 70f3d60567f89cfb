import { DEFAULT_DATABASE_PATH } from './db.ts';

/** Settings the API takes from the environment (the Vite plugin and `npm run api` alike). */
export interface ApiEnv {
  /** AURORA_DB: SQLite file, or `:memory:`. Default `.data/aurora.db`. */
  databasePath: string;
  /** AURORA_LOGIN_FAILURE_LIMIT: failed log-ins per username per minute. */
  loginFailureLimit: number | undefined;
  /** AURORA_SIGNUP_LIMIT: signups per client address per minute. */
  signupLimit: number | undefined;
  /** AURORA_API_URL: a remote Aurora API to proxy /api to instead of serving it here. */
  apiUrl: string | undefined;
}

type Env = Record<string, string | undefined>;

function positiveInteger(env: Env, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

function httpUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  return url.href.replace(/\/$/, '');
}

/** Reads and checks the AURORA_* variables; a bad value is an error, not a silent default. */
export function readApiEnv(env: Env = process.env): ApiEnv {
  return {
    databasePath: env.AURORA_DB?.trim() || DEFAULT_DATABASE_PATH,
    loginFailureLimit: positiveInteger(env, 'AURORA_LOGIN_FAILURE_LIMIT'),
    signupLimit: positiveInteger(env, 'AURORA_SIGNUP_LIMIT'),
    apiUrl: httpUrl(env, 'AURORA_API_URL'),
  };
}

/** PORT for `npm run api`, default 8787; 0 picks a free port. */
export function readPort(env: Env = process.env): number {
  const raw = env.PORT?.trim();
  if (raw === undefined || raw === '') return 8787;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`PORT must be a port number, got "${raw}"`);
  }
  return value;
}
