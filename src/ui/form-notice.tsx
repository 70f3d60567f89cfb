import type { ReactNode } from 'react';

/** Something the user should know about the form that is not an error: read out politely. */
export function FormNotice({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-info" role="status">
      {children}
    </p>
  );
}
