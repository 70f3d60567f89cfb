import { useCallback } from 'react';
import {
  useFormState,
  type Control,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { isApiError } from '../api';
import { ServerErrorAlert } from '../ui/server-error-alert';
import { useCountdown } from '../ui/use-countdown';
import { apiErrorMessage, isTransientError, type ErrorWording } from './api-error-message';

/** How long to hold the button when a 429 gives no Retry-After. */
const DEFAULT_RETRY_AFTER_SECONDS = 30;

/** Where the form keeps a failed request's message. */
const SERVER_ERROR = 'root.serverError';

export type ServerErrorType = 'transient' | 'rate-limited' | 'rejected';

/**
 * Puts a failed request's message on the form (`root.serverError`, which
 * `ServerErrorFor` shows) and, for a 429, counts down until the button may be used again.
 */
export function useServerError<T extends FieldValues>(
  form: UseFormReturn<T>,
  wording: ErrorWording,
) {
  const { clearErrors, setError } = form;
  // A rate limit's message goes when its wait is over. (Nothing here reads the form's
  // errors: the form would then re-render whenever a field's error came or went.)
  const [retrySecondsLeft, startCountdown] = useCountdown(
    useCallback(() => clearErrors(SERVER_ERROR), [clearErrors]),
  );

  function showServerError(error: unknown) {
    if (isApiError(error) && error.kind === 'rate-limited') {
      const seconds = error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      setError(SERVER_ERROR, {
        type: 'rate-limited' satisfies ServerErrorType,
        message: `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      });
      startCountdown(seconds);
      return;
    }
    setError(SERVER_ERROR, {
      type: (isTransientError(error) ? 'transient' : 'rejected') satisfies ServerErrorType,
      message: apiErrorMessage(error, wording),
    });
  }

  return { showServerError, retrySecondsLeft };
}

interface ServerErrorForProps<T extends FieldValues> {
  control: Control<T>;
  /** Sends the form again, for failures worth retrying as they are. */
  onRetry: () => void;
}

/** The form's server error, read here alone so it re-renders this alert, not the form. */
export function ServerErrorFor<T extends FieldValues>({
  control,
  onRetry,
}: ServerErrorForProps<T>) {
  // `root.*` is no field path, hence the cast.
  const { errors } = useFormState({ control, name: SERVER_ERROR as Path<T>, exact: true });
  return <ServerErrorAlert error={errors.root?.serverError} onRetry={onRetry} />;
}
