import { FormAlert } from './form-alert';

interface ServerErrorAlertProps {
  error: { message?: string | undefined; type?: string | number } | undefined;
  onRetry: () => void;
}

/** A failed request's message; transient failures offer to send it again as it is. */
export function ServerErrorAlert({ error, onRetry }: ServerErrorAlertProps) {
  if (!error?.message) return null;
  return (
    <FormAlert
      action={
        error.type === 'transient' ? (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            Try again
          </button>
        ) : null
      }
    >
      {error.message}
    </FormAlert>
  );
}
