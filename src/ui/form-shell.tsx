import type { ReactNode } from 'react';
import { RetryCountdown } from './retry-countdown';
import { SubmitButton } from './submit-button';

interface FormShellProps {
  /** Prefix for the ids this shell gives its own elements. */
  name: string;
  /** Validates and sends; also what "Try again" calls. Not called while busy or blocked. */
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  /** Seconds until a rate limit lets the form be sent again; 0 when it may be sent. */
  retrySecondsLeft: number;
  /** Nothing can be typed or sent (a prerendered form before its script runs). */
  disabled?: boolean;
  /** The error summary, when a failed submit calls for one. */
  summary: ReactNode;
  /** The failed request's alert, with "Try again" when it may help. */
  serverError: ReactNode;
  /** Notes shown above the fields, e.g. that the form waits for a connection. */
  notices?: ReactNode;
  /** Shown under the submit button, e.g. a status region. */
  after?: ReactNode;
  children: ReactNode;
}

/**
 * What every form of the portal has around its fields, in one order: the error summary,
 * the server's error with "Try again" when it may help, notes, the fields, the submit
 * button with its progress and rate-limit countdown. A submit while a request runs, or
 * while rate limited, does nothing.
 */
export function FormShell({
  name,
  onSubmit,
  submitLabel,
  pending,
  retrySecondsLeft,
  disabled = false,
  summary,
  serverError,
  notices,
  after,
  children,
}: FormShellProps) {
  const blocked = retrySecondsLeft > 0;
  const retryId = `${name}-retry`;
  return (
    <form
      noValidate
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending && !blocked) onSubmit();
      }}
    >
      <fieldset className="form-body" disabled={disabled}>
        {summary}
        {serverError}
        {notices}
        {children}
        <div className="form-actions">
          <SubmitButton
            pending={pending}
            blocked={blocked}
            describedBy={blocked ? retryId : undefined}
          >
            {submitLabel}
          </SubmitButton>
          <RetryCountdown id={retryId} secondsLeft={retrySecondsLeft} />
        </div>
        {after}
      </fieldset>
    </form>
  );
}
