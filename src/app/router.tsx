import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { GuestOnly, HomeRedirect, RequireAuth } from '../auth/route-guards';
import { LoginPage } from '../features/login/login-page';
import { SignupPage } from '../features/signup/signup-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { PageLoading } from '../ui/page-loading';
import { RouteErrorPage } from './route-error-page';

// The profile page, and all only it needs, loads on demand. Log-in and sign-up start
// loading it as soon as their request is sent, so landing on it adds no wait.
const loadProfilePage = () => import('../features/profile/profile-page');
const preloadProfilePage = () => void loadProfilePage();
const ProfilePage = lazy(async () => ({ default: (await loadProfilePage()).ProfilePage }));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', element: <LoginPage onSubmitStart={preloadProfilePage} /> },
          { path: 'signup', element: <SignupPage onSubmitStart={preloadProfilePage} /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            path: 'profile',
            element: (
              <Suspense fallback={<PageLoading label="Loading your profile…" />}>
                <ProfilePage />
              </Suspense>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
