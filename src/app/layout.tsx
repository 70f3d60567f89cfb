import { Link, Outlet, useLocation } from 'react-router';
import { OfflineBanner } from './offline-banner';
import { RouteErrorBoundary } from './route-error-boundary';

export function Layout() {
  const { pathname } = useLocation();
  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          Aurora
        </Link>
      </header>
      <OfflineBanner />
      <main className="site-main">
        <RouteErrorBoundary key={pathname}>
          <Outlet />
        </RouteErrorBoundary>
      </main>
    </>
  );
}
