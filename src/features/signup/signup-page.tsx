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
import { useErrorSummary } from '../../shared/use-error-summary';
import { useServerError } from '../../shared/use-server-error';
import { AuthCard } from '../../ui/auth-card';
import { Field } from '../../ui/field';
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
  const { register, handleSubmit, formState } = form;
  const { showServerError, serverError, retrySecondsLeft } = useServerError(form, {
    unauthorized: 'The server refused this sign-up. Please try again.',
    invalidInput:
      'We couldn’t create this account. The username or email may already be in use: try another, or log in instead.',
  });
  const { summaryItems, summaryRef, onInvalid, hideSummary } = useErrorSummary(form, {
    username: 'signup-username',
    email: 'signup-email',
    password: 'signup-password',
    confirmPassword: 'signup-confirm-password',
  });
  const hydrated = useHydrated();
  const busy = signup.isPending || formState.isSubmitting;

  const submit = handleSubmit((values) => {
    hideSummary();
    onSubmitStart?.();
    signup.mutate(values, { onError: showServerError });
  }, onInvalid);

  return (
    <AuthCard title="Create your account">
      <FormShell
        name="signup"
        onSubmit={() => void submit()}
        submitLabel="Sign up"
        pending={busy}
        retrySecondsLeft={retrySecondsLeft}
        disabled={!hydrated}
        summaryItems={summaryItems}
        summaryRef={summaryRef}
        serverError={serverError}
        notices={
          signup.isPaused ? (
            <p className="alert alert-info" role="status">
              You’re offline. We’ll create your account as soon as the connection is back.
            </p>
          ) : null
        }
      >
        <Field
          id="signup-username"
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          hint={USERNAME_HINT}
          error={formState.errors.username?.message}
          {...register('username')}
        />
        <Field
          id="signup-email"
          label="Email"
          type="email"
          autoComplete="email"
          error={formState.errors.email?.message}
          {...register('email')}
        />
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
          error={formState.errors.password?.message}
          {...register('password')}
        />
        <PasswordField
          id="signup-confirm-password"
          label="Confirm password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          error={formState.errors.confirmPassword?.message}
          {...register('confirmPassword')}
        />
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
