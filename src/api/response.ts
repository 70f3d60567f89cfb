import type * as z from 'zod/mini';
import { ApiError, type ApiErrorKind } from './errors';
import { errorText } from './schemas';

/** What `request` read off the wire, before any of it is trusted. */
export interface RawResponse {
  /** 0 for an opaque redirect, which a browser reports without its real status. */
  status: number;
  body: string;
  retryAfter: string | null;
}

/**
 * Turns a raw answer into the schema's output or an `ApiError`; it never throws anything
 * else, whatever the status and body. Pure, so the whole space of answers can be tested
 * without a server.
 */
export function interpretResponse<T>(
  response: RawResponse,
  schema: z.ZodMiniType<T>,
  now: number = Date.now(),
): T {
  const status = response.status === 0 ? undefined : response.status;
  const body = parseJson(response.body);
  const serverMessage = body.ok ? errorTextOf(body.value) : undefined;

  if (status !== undefined && status >= 200 && status < 300) {
    const result = body.ok ? schema.safeParse(body.value) : undefined;
    if (result?.success) return result.data;
    throw new ApiError('bad-response', { status, serverMessage });
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(response.retryAfter, now);
    throw new ApiError('rate-limited', { status, serverMessage, retryAfterSeconds });
  }
  throw new ApiError(failureKind(status), { status, serverMessage });
}

// Anything the contract does not name (3xx, 403, 404, 405, 415...) means the app is not
// talking to the API it was built for: a wrong base URL, a proxy or a firewall in between.
// That is an answer the app cannot read, like a wrong body, and not the server's failure,
// so it is `bad-response`; only 5xx is `server`.
function failureKind(status: number | undefined): ApiErrorKind {
  if (status === 400) return 'invalid-input';
  if (status === 401) return 'unauthorized';
  if (status !== undefined && status >= 500 && status < 600) return 'server';
  return 'bad-response';
}

type ParsedBody = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string): ParsedBody {
  // An empty body parses to `undefined`: only the update's schema accepts that.
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function errorTextOf(value: unknown): string | undefined {
  const result = errorText.safeParse(value);
  return result.success ? result.data.error : undefined;
}

const DELTA_SECONDS = /^\d+$/;
// All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) open with a day name. Requiring
// it stops Date.parse's leniency from reading things like "1.5" as a date in 2001.
const HTTP_DATE_START = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/;

/** Seconds to wait, from a Retry-After header; undefined when it is absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (DELTA_SECONDS.test(value)) {
    const seconds = Number(value);
    return Number.isSafeInteger(seconds) ? seconds : undefined;
  }
  if (!HTTP_DATE_START.test(value)) return undefined;
  // asctime dates carry no zone, and HTTP dates are always GMT, never local time.
  const at = Date.parse(value.endsWith('GMT') ? value : `${value} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
