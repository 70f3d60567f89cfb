import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'react-router';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_RULES,
  USERNAME_HINT,
} from '../../shared/field-rules';
import { PasswordStrengthFor } from '../../shared/password-strength-for';
import { useFormShell } from '../../shared/use-form-shell';
import { WithFieldError } from '../../shared/with-field-error';
import { AuthCard } from '../../ui/auth-card';
import { EmailField, UsernameField } from '../../ui/account-fields';
import { FormNotice } from '../../ui/form-notice';
import { FormShell } from '../../ui/form-shell';
import { PasswordField } from '../../ui/password-field';
import { useHydrated } from '../../ui/use-hydrated';
import { usePageMeta, type PageMeta } from '../../ui/use-page-meta';
import { signupSchema, type SignupValues } from './signup-schema';
import { useSignup } from './use-signup';

export const signupPageMeta: PageMeta = {
  title: 'Create your account',
  description: 'Create an Aurora AI Chat account in a minute.',
};

interface SignupPageProps {
  /** Starts loading what the next page needs while the request is in flight. */
  onSubmitStart?: () => void;
}

export function SignupPage({ onSubmitStart }: SignupPageProps) {
  usePageMeta(signupPageMeta);
  const location = useLocation();
  const signup = useSignup();
  const form = useForm<SignupValues>({
    resolver: zodResolver(signupSchema),
    defaultValues: { username: '', email: '', password: '', confirmPassword: '' },
    mode: 'onTouched',
    shouldFocusError: false,
  });
  const { register } = form;
  const shell = useFormShell(form, {
    fields: {
      username: 'signup-username',
      email: 'signup-email',
      password: 'signup-password',
      confirmPassword: 'signup-confirm-password',
    },
    wording: {
      unauthorized: 'The server refused this sign-up. Please try again.',
      invalidInput:
        'We couldn’t create this account. The username or email may already be in use: try another, or log in instead.',
    },
    pending: signup.isPending,
    onValid: (values, showServerError) => {
      onSubmitStart?.();
      signup.mutate(values, { onError: showServerError });
    },
  });
  const hydrated = useHydrated();

  return (
    <AuthCard title="Create your account">
      <FormShell
        name="signup"
        {...shell}
        submitLabel="Sign up"
        disabled={!hydrated}
        notices={
          signup.isPaused ? (
            <FormNotice>
              You’re offline. We’ll create your account as soon as the connection is back.
            </FormNotice>
          ) : null
        }
      >
        <WithFieldError control={form.control} name="username">
          {(error) => (
            <UsernameField
              id="signup-username"
              hint={USERNAME_HINT}
              error={error}
              {...register('username')}
            />
          )}
        </WithFieldError>
        <WithFieldError control={form.control} name="email">
          {(error) => <EmailField id="signup-email" error={error} {...register('email')} />}
        </WithFieldError>
        <WithFieldError control={form.control} name="password">
          {(error) => (
            <PasswordField
              id="signup-password"
              label="Password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN}
              maxLength={PASSWORD_MAX}
              passwordrules={PASSWORD_RULES}
              hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
              extra={
                <PasswordStrengthFor
                  control={form.control}
                  name="password"
                  personal={['username', 'email']}
                />
              }
              error={error}
              {...register('password')}
            />
          )}
        </WithFieldError>
        <WithFieldError control={form.control} name="confirmPassword">
          {(error) => (
            <PasswordField
              id="signup-confirm-password"
              label="Confirm password"
              autoComplete="new-password"
              maxLength={PASSWORD_MAX}
              error={error}
              {...register('confirmPassword')}
            />
          )}
        </WithFieldError>
      </FormShell>
      <p className="card-footer">
        Already have an account?{' '}
        <Link to="/login" state={location.state}>
          Log in
        </Link>
      </p>
    </AuthCard>
  );
}
