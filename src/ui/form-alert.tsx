import type { ReactNode } from 'react';

interface FormAlertProps {
  children: ReactNode;
  action?: ReactNode;
}

/** A form-level error: announced at once, with an optional way out (e.g. "Try again"). */
export function FormAlert({ children, action }: FormAlertProps) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{children}</p>
      {action}
    </div>
  );
}
