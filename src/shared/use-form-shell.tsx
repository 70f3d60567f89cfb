import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ErrorWording } from './api-error-message';
import { useErrorSummary } from './use-error-summary';
import { ServerErrorFor, useServerError } from './use-server-error';

interface FormShellOptions<T extends FieldValues> {
  /** Each field's input id, in the order the fields appear (for the error summary). */
  fields: Partial<Record<Path<T>, string>>;
  wording: ErrorWording;
  /** The form's request is running. */
  pending: boolean;
  /** Sends valid values; `showServerError` puts a failed request's message on the form. */
  onValid: (values: T, showServerError: (error: unknown) => void) => void;
}

/**
 * The wiring every form shares, returned as `FormShell` props: validation with focus or
 * an error summary, the server's error and rate-limit countdown, and the pending flag.
 * Use with `useForm({ shouldFocusError: false })`.
 */
export function useFormShell<T extends FieldValues>(
  form: UseFormReturn<T>,
  { fields, wording, pending, onValid }: FormShellOptions<T>,
) {
  const { showServerError, retrySecondsLeft } = useServerError(form, wording);
  const { summary, onInvalid, hideSummary } = useErrorSummary(form, fields);
  const submit = form.handleSubmit((values) => {
    hideSummary();
    onValid(values, showServerError);
  }, onInvalid);

  return {
    onSubmit: () => void submit(),
    pending: pending || form.formState.isSubmitting,
    retrySecondsLeft,
    summary,
    serverError: <ServerErrorFor control={form.control} onRetry={() => void submit()} />,
  };
}
