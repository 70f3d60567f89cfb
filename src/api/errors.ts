export type ApiErrorKind =
  | 'invalid-input'
  | 'unauthorized'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-response';

interface ApiErrorDetails {
  status?: number;
  serverMessage?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * Every way a call to the Aurora API can fail, except a caller's own abort (that rejects
 * with the signal's reason, so TanStack Query sees a cancellation).
 *
 * The message is built from the kind, status and delay only, never from the request or the
 * server's text, so it can be shown or logged without leaking a token, a password or a
 * form's content.
 * The server's own text is kept apart, in `serverMessage`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ApiErrorKind, details: ApiErrorDetails = {}) {
    const { status, serverMessage, retryAfterSeconds, cause } = details;
    super(describe(kind, status, retryAfterSeconds), cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.status = status;
    this.serverMessage = serverMessage;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function describe(
  kind: ApiErrorKind,
  status: number | undefined,
  retryAfterSeconds: number | undefined,
): string {
  const http = status === undefined ? '' : ` (HTTP ${status})`;
  switch (kind) {
    case 'invalid-input':
      return 'The server did not accept the request. Check the fields and try again.';
    case 'unauthorized':
      return 'The username, password or session is not valid.';
    case 'rate-limited':
      return retryAfterSeconds === undefined
        ? 'Too many attempts. Try again later.'
        : `Too many attempts. Try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}.`;
    case 'server':
      return `The server ran into a problem${http}. Try again later.`;
    case 'network':
      return 'Could not reach the server. Check your connection and try again.';
    case 'timeout':
      return 'The server took too long to answer. Try again.';
    case 'bad-response':
      return `The server sent an answer the app does not understand${http}.`;
  }
}
