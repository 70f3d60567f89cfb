import type * as z from 'zod/mini';
import { ApiError } from './errors';
import { interpretResponse, type RawResponse } from './response';

export interface RequestOptions {
  signal?: AbortSignal;
  /** Default 15 s. */
  timeoutMs?: number;
  /** Overrides `VITE_API_BASE_URL` and the same-origin default. */
  baseUrl?: string;
}

interface ApiCall<T> {
  method: 'GET' | 'POST' | 'PUT';
  path: `/${string}`;
  token?: string;
  body?: Record<string, string>;
  schema: z.ZodMiniType<T>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
// Browsers and Node fire longer setTimeout delays after 1 ms instead; this makes a huge
// timeoutMs (or Infinity) mean "practically never" rather than "at once".
const MAX_TIMEOUT_MS = 2_147_483_647;

function resolveBaseUrl(override: string | undefined): string {
  return (override ?? import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/+$/, '');
}

/**
 * Sends exactly one request (retrying is the caller's choice) and returns the schema's
 * output, or rejects with an `ApiError`, or with the caller's abort reason as is.
 */
export async function request<T>(call: ApiCall<T>, options: RequestOptions = {}): Promise<T> {
  const raw = await send(call, options);
  return interpretResponse(raw, call.schema);
}

async function send(call: ApiCall<unknown>, options: RequestOptions): Promise<RawResponse> {
  const { signal: callerSignal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  callerSignal?.throwIfAborted();
  const url = resolveBaseUrl(options.baseUrl) + call.path;
  const headers = buildHeaders(call);

  // One controller for both ends; whichever aborts it first sets the reason we reject with.
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(
    () => controller.abort(new ApiError('timeout')),
    Math.min(Math.max(timeoutMs, 0), MAX_TIMEOUT_MS),
  );

  try {
    const response = await fetch(url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: controller.signal,
      // The API never redirects. Following one would resend the token or the password to
      // wherever it points, so a redirect is read as the (unexpected) answer it is.
      redirect: 'manual',
      // Auth is the x-access-token header alone; cookies have no say.
      credentials: 'omit',
    });
    const body = await response.text();
    // Cross-origin, Retry-After is only visible if the API lists it in
    // Access-Control-Expose-Headers; without it a 429 simply has no delay.
    return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    if (controller.signal.aborted) {
      const reason: unknown = controller.signal.reason;
      throw reason;
    }
    throw new ApiError('network', { cause: error });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

// Visible ASCII only: what an HTTP header carries intact everywhere. Browsers accept some
// control characters that servers then refuse, and Headers would quietly trim spaces.
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

function buildHeaders(call: ApiCall<unknown>): Headers {
  const headers = new Headers({ accept: 'application/json' });
  if (call.body !== undefined) headers.set('content-type', 'application/json');
  if (call.token !== undefined) {
    // Such a token (or none at all) can never be valid; saying so now sends the user back
    // to log in, where sending it would fail obscurely, or quote it in the browser's error.
    if (!TOKEN_PATTERN.test(call.token)) throw new ApiError('unauthorized');
    headers.set('x-access-token', call.token);
  }
  return headers;
}
