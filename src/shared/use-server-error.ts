import { useEffect } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { isApiError } from '../api';
import { useCountdown } from '../ui/use-countdown';
import { apiErrorMessage, isTransientError, type ErrorWording } from './api-error-message';

/** How long to hold the button when a 429 gives no Retry-After. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

export type ServerErrorType = 'transient' | 'rate-limited' | 'rejected';

/**
 * Puts a failed request's message on the form (`root.serverError`, shown in its alert)
 * and, for a 429, counts down until the button may be used again.
 */
export function useServerError<T extends FieldValues>(
  form: UseFormReturn<T>,
  wording: ErrorWording,
) {
  const [retrySecondsLeft, startCountdown] = useCountdown();
  const { clearErrors, setError } = form;
  const rateLimited = form.formState.errors.root?.serverError?.type === 'rate-limited';

  useEffect(() => {
    if (rateLimited && retrySecondsLeft === 0) clearErrors('root.serverError');
  }, [rateLimited, retrySecondsLeft, clearErrors]);

  function showServerError(error: unknown) {
    if (isApiError(error) && error.kind === 'rate-limited') {
      const seconds = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      startCountdown(seconds);
      setError('root.serverError', {
        type: 'rate-limited' satisfies ServerErrorType,
        message: `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      });
      return;
    }
    setError('root.serverError', {
      type: (isTransientError(error) ? 'transient' : 'rejected') satisfies ServerErrorType,
      message: apiErrorMessage(error, wording),
    });
  }

  return {
    showServerError,
    serverError: form.formState.errors.root?.serverError,
    retrySecondsLeft,
  };
}
