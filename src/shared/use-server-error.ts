import { useEffect } from 'react';
import { useFormState, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { isApiError } from '../api';
import { useCountdown } from '../ui/use-countdown';
import { apiErrorMessage, isTransientError, type ErrorWording } from './api-error-message';

/** How long to hold the button when a 429 gives no Retry-After. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

/** Where the form keeps a failed request's message. */
const SERVER_ERROR = 'root.serverError';

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
  // Subscribed to this one error: the fields' own errors coming and going as the user
  // types must not re-render the form. (`root.*` is no field path, hence the cast.)
  const { errors } = useFormState({
    control: form.control,
    name: SERVER_ERROR as Path<T>,
    exact: true,
  });
  const serverError = errors.root?.serverError;
  const rateLimited = serverError?.type === 'rate-limited';

  useEffect(() => {
    if (rateLimited && retrySecondsLeft === 0) clearErrors(SERVER_ERROR);
  }, [rateLimited, retrySecondsLeft, clearErrors]);

  function showServerError(error: unknown) {
    if (isApiError(error) && error.kind === 'rate-limited') {
      const seconds = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      startCountdown(seconds);
      setError(SERVER_ERROR, {
        type: 'rate-limited' satisfies ServerErrorType,
        message: `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      });
      return;
    }
    setError(SERVER_ERROR, {
      type: (isTransientError(error) ? 'transient' : 'rejected') satisfies ServerErrorType,
      message: apiErrorMessage(error, wording),
    });
  }

  return {
    showServerError,
    serverError,
    retrySecondsLeft,
  };
}
