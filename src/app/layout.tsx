import { Link, Outlet } from 'react-router';
import { OfflineBanner } from './offline-banner';

export function Layout() {
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
        <Outlet />
      </main>
    </>
  );
}
