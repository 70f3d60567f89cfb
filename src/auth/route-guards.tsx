import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './auth-context';
import { safeReturnPath } from './return-path';
import { userInfoQuery } from './user-info-query';

/** Where a guarded page sends a logged-out visitor, remembering where they were going. */
export interface LoginRedirectState {
  from?: string;
}

/** Renders its routes only with a session; otherwise sends the visitor to log in first. */
export function RequireAuth() {
  const { session } = useAuth();
  const location = useLocation();
  const queryClient = useQueryClient();
  const token = session.status === 'authenticated' ? session.token : null;
  // Start loading the user while a guarded page's code is still on its way (a direct
  // visit or a reload), instead of one after the other.
  useEffect(() => {
    if (token) void queryClient.prefetchQuery(userInfoQuery(token));
  }, [queryClient, token]);
  if (session.status !== 'authenticated') {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from } satisfies LoginRedirectState} />;
  }
  return <Outlet />;
}

/** Log-in and sign-up: a visitor with a session goes on to where they were headed. */
export function GuestOnly() {
  const { session } = useAuth();
  const location = useLocation();
  if (session.status === 'authenticated') {
    const state = location.state as LoginRedirectState | null;
    return <Navigate to={safeReturnPath(state?.from)} replace />;
  }
  return <Outlet />;
}

export function HomeRedirect() {
  const { session } = useAuth();
  return <Navigate to={session.status === 'authenticated' ? '/profile' : '/login'} replace />;
}
