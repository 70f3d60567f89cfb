import type { ReactNode } from 'react';

/** The centred card every page of the portal sits in, with its one `h1`. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
