import { AuthCard } from '../ui/auth-card';

/**
 * Shown when a page fails to render or its code fails to load (e.g. a new deploy
 * replaced the chunk). Reloading fixes both; there is nothing else to do.
 */
export function RouteErrorPage() {
  return (
    <AuthCard title="Something went wrong">
      <p role="alert">This page couldn’t be shown. Reloading usually fixes it.</p>
      <button
        type="button"
        className="button button-primary"
        onClick={() => window.location.reload()}
      >
        Reload the page
      </button>
    </AuthCard>
  );
}
