import type { ReactNode } from 'react';

interface SubmitButtonProps {
  children: ReactNode;
  /** A request is running: show progress, ignore further presses. */
  pending?: boolean;
  /** Pressing would do nothing useful now (e.g. while rate limited). */
  blocked?: boolean;
  describedBy?: string | undefined;
}

/**
 * The form's submit button. It keeps its name and its focus while busy (`aria-disabled`
 * rather than `disabled`, which would drop keyboard focus); FormShell ignores submits then.
 */
export function SubmitButton({
  children,
  pending = false,
  blocked = false,
  describedBy,
}: SubmitButtonProps) {
  const inactive = pending || blocked;
  return (
    <button
      type="submit"
      className="button button-primary"
      aria-disabled={inactive || undefined}
      aria-busy={pending || undefined}
      aria-describedby={describedBy}
    >
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
