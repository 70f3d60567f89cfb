import { isApiError, type ApiErrorKind } from '../api';

/** What to tell the user for the failures whose meaning depends on the form. */
export interface ErrorWording {
  unauthorized: string;
  invalidInput: string;
}

/** Failures that are worth trying again as they are, without changing anything. */
export const TRANSIENT_KINDS: ReadonlySet<ApiErrorKind> = new Set([
  'server',
  'network',
  'timeout',
  'bad-response',
]);

export function isTransientError(error: unknown): boolean {
  return isApiError(error) && TRANSIENT_KINDS.has(error.kind);
}

/** One sentence that says what happened and what to do next. Never echoes secrets. */
export function apiErrorMessage(error: unknown, wording: ErrorWording): string {
  if (!isApiError(error)) return 'Something went wrong on this page. Please try again.';
  switch (error.kind) {
    case 'unauthorized':
      return wording.unauthorized;
    case 'invalid-input':
      return wording.invalidInput;
    case 'rate-limited':
      return 'Too many attempts. Please wait before trying again.';
    case 'server':
      return `The Aurora server ran into a problem${error.status ? ` (error ${error.status})` : ''}. Your details are still here: try again in a moment.`;
    case 'network':
      return 'We couldn’t reach the Aurora server. Check your connection, then try again.';
    case 'timeout':
      return 'The Aurora server took too long to answer. Try again in a moment.';
    case 'bad-response':
      return 'The Aurora server sent an answer we couldn’t read. Try again in a moment.';
  }
}
