import { Route, Routes } from 'react-router';
import { GuestOnly, HomeRedirect, RequireAuth } from '../auth/route-guards';
import { LoginPage } from '../features/login/login-page';
import { preloadProfileContent } from '../features/profile/lazy-profile-content';
import { ProfilePage } from '../features/profile/profile-page';
import { SignupPage } from '../features/signup/signup-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

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
          <Route path="login" element={<LoginPage onSubmitStart={preloadProfileContent} />} />
          <Route path="signup" element={<SignupPage onSubmitStart={preloadProfileContent} />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route path="profile" element={<ProfilePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
