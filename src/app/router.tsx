import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { GuestOnly, HomeRedirect, RequireAuth } from '../auth/route-guards';
import { LoginPage } from '../features/login/login-page';
import { SignupPage } from '../features/signup/signup-page';
import { PageLoading } from '../ui/page-loading';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

// The profile page, and all only it needs, loads on demand. Log-in and sign-up start
// loading it as soon as their request is sent, so landing on it adds no wait.
type ProfilePageModule = typeof import('../features/profile/profile-page');
let profilePageModule: ProfilePageModule | undefined;
const loadProfilePage = async () =>
  (profilePageModule = await import('../features/profile/profile-page'));
const preloadProfilePage = () => {
  // Only a head start: if it fails (offline, say), the page loads, or reports, when shown.
  loadProfilePage().catch(() => undefined);
};
const LazyProfilePage = lazy(async () => ({ default: (await loadProfilePage()).ProfilePage }));

function ProfileRoute() {
  // Once preloaded, render the page itself: React.lazy would still suspend for a render
  // and show the fallback for a moment before the (already loaded) page.
  const Page = profilePageModule?.ProfilePage ?? LazyProfilePage;
  return (
    <Suspense fallback={<PageLoading label="Loading your profile…" />}>
      <Page />
    </Suspense>
  );
}

/**
 * The portal's routes. Declarative routes rather than a data router: the portal loads
 * no data through the router, and the data router would add ~16 KB (gzipped) to every page.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomeRedirect />} />
        <Route element={<GuestOnly />}>
          <Route path="login" element={<LoginPage onSubmitStart={preloadProfilePage} />} />
          <Route path="signup" element={<SignupPage onSubmitStart={preloadProfilePage} />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route path="profile" element={<ProfileRoute />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
