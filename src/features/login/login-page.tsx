import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../auth/auth-context';
import type { SessionEndReason } from '../../auth/session-store';
import { useFormShell } from '../../shared/use-form-shell';
import { WithFieldError } from '../../shared/with-field-error';
import { AuthCard } from '../../ui/auth-card';
import { UsernameField } from '../../ui/account-fields';
import { FormNotice } from '../../ui/form-notice';
import { FormShell } from '../../ui/form-shell';
import { PasswordField } from '../../ui/password-field';
import { useHydrated } from '../../ui/use-hydrated';
import { usePageMeta, type PageMeta } from '../../ui/use-page-meta';
import { loginSchema, type LoginValues } from './login-schema';
import { useLogin } from './use-login';

export const loginPageMeta: PageMeta = {
  title: 'Log in',
  description: 'Log in to your Aurora AI Chat account to manage your profile.',
};

const END_REASON_NOTICES: Record<SessionEndReason, string | null> = {
  'logged-out': null,
  expired: 'Your session has expired. Please log in again.',
  'other-tab': 'You signed out in another tab.',
};

interface LoginPageProps {
  /** Starts loading what the next page needs while the request is in flight. */
  onSubmitStart?: () => void;
}

export function LoginPage({ onSubmitStart }: LoginPageProps) {
  usePageMeta(loginPageMeta);
  const { session } = useAuth();
  const location = useLocation();
  const login = useLogin();
  const form = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { username: '', password: '', remember: false },
    mode: 'onTouched',
    shouldFocusError: false,
  });
  const { register, formState } = form;
  const notice =
    session.status === 'anonymous' ? END_REASON_NOTICES[session.endReason ?? 'logged-out'] : null;
  const shell = useFormShell(form, {
    fields: { username: 'login-username', password: 'login-password' },
    wording: {
      unauthorized: 'That username and password don’t match an account. Check both and try again.',
      invalidInput: 'The server didn’t accept these details. Check your username and password.',
    },
    pending: login.isPending,
    onValid: (values, showServerError) => {
      onSubmitStart?.();
      login.mutate(values, { onError: showServerError });
    },
  });
  const hydrated = useHydrated();

  return (
    <AuthCard title="Log in">
      {notice && !formState.isSubmitted ? <FormNotice>{notice}</FormNotice> : null}
      <FormShell
        name="login"
        {...shell}
        submitLabel="Log in"
        disabled={!hydrated}
        notices={
          login.isPaused ? (
            <FormNotice>
              You’re offline. We’ll log you in as soon as the connection is back.
            </FormNotice>
          ) : null
        }
      >
        <WithFieldError control={form.control} name="username">
          {(error) => <UsernameField id="login-username" error={error} {...register('username')} />}
        </WithFieldError>
        <WithFieldError control={form.control} name="password">
          {(error) => (
            <PasswordField
              id="login-password"
              label="Password"
              autoComplete="current-password"
              error={error}
              {...register('password')}
            />
          )}
        </WithFieldError>
        <label className="checkbox">
          <input type="checkbox" {...register('remember')} />
          Remember me
        </label>
      </FormShell>
      <p className="card-footer">
        New to Aurora?{' '}
        <Link to="/signup" state={location.state}>
          Create an account
        </Link>
      </p>
    </AuthCard>
  );
}
