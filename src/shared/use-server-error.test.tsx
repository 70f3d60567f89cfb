import { act, screen, waitFor } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { answers, installFakeAurora, type Override } from '../test/fake-aurora';
import { renderApp } from '../test/render-app';

const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse-battery' };

type User = ReturnType<typeof renderApp>['user'];

async function openLoginRateLimited(answer: Override) {
  // Real time still passes (user-event and fetch need it); the test moves the clock on.
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fake = installFakeAurora();
  fake.addUser(ADA);
  fake.next('POST /api/v7/login', answer);
  const rendered = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });
  await rendered.user.type(screen.getByRole('textbox', { name: 'Username' }), ADA.username);
  await rendered.user.type(screen.getByLabelText('Password', { exact: true }), ADA.password);
  return { fake, ...rendered };
}

const loginButton = () => screen.getByRole('button', { name: 'Log in' });

async function submitAndWaitForLimit(user: User) {
  await user.click(loginButton());
  return screen.findByRole('alert');
}

test('a 429 holds the button, with the wait beside it and in the alert once', async () => {
  const { user, fake } = await openLoginRateLimited(() => answers.rateLimited(2));

  const alert = await submitAndWaitForLimit(user);

  expect(alert).toHaveTextContent(/^Too many attempts\. Try again in 2 seconds\.$/);
  expect(screen.getAllByRole('alert')).toHaveLength(1);
  const countdown = screen.getByText('Try again in 2 s');
  expect(screen.queryByText('You can try again now.')).not.toBeInTheDocument();
  expect(countdown).toHaveAttribute('aria-hidden', 'true');
  // The button keeps its name and focusability, and points at the countdown.
  const button = loginButton();
  expect(button).toHaveAttribute('aria-disabled', 'true');
  expect(button).toBeEnabled();
  expect(button).toHaveAttribute('aria-describedby', countdown.id);
  expect(countdown.id).not.toBe('');
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(1);
});

test('while the wait lasts, neither a click nor Enter sends anything', async () => {
  const { user, fake } = await openLoginRateLimited(() => answers.rateLimited(2));
  await submitAndWaitForLimit(user);

  await user.click(loginButton());
  await user.type(screen.getByLabelText('Password', { exact: true }), '{Enter}');

  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(1);
  expect(screen.getByText(/^Try again in \d s$/)).toBeInTheDocument();
});

test('the countdown ticks for the eye while the alert keeps its one sentence', async () => {
  const { user } = await openLoginRateLimited(() => answers.rateLimited(2));
  const alert = await submitAndWaitForLimit(user);
  expect(screen.getByText('Try again in 2 s')).toBeInTheDocument();

  await act(() => vi.advanceTimersByTimeAsync(1_000));

  expect(await screen.findByText('Try again in 1 s')).toBeInTheDocument();
  expect(alert).toHaveTextContent('Too many attempts. Try again in 2 seconds.');
  expect(screen.getAllByRole('alert')).toHaveLength(1);
});

test('after the wait the countdown and the alert go, and the button works', async () => {
  const { user, fake } = await openLoginRateLimited(() => answers.rateLimited(2));
  await submitAndWaitForLimit(user);

  await act(() => vi.advanceTimersByTimeAsync(2_000));

  await waitFor(() => expect(screen.queryByText(/^Try again in/)).not.toBeInTheDocument());
  const button = loginButton();
  expect(button).not.toHaveAttribute('aria-disabled');
  expect(button).not.toHaveAttribute('aria-describedby');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  // Said once, politely, when the wait is over (and never while it ticks).
  expect(screen.getByText('You can try again now.')).toHaveAttribute('aria-live', 'polite');

  await user.click(button);
  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(2);
});

test('a one-second wait is worded in the singular', async () => {
  const { user } = await openLoginRateLimited(() => answers.rateLimited(1));

  const alert = await submitAndWaitForLimit(user);

  expect(screen.getByText('Try again in 1 s')).toBeInTheDocument();
  expect(alert).toHaveTextContent(/^Too many attempts\. Try again in 1 second\.$/);
});

test('a 429 with no Retry-After waits 30 seconds', async () => {
  const { user } = await openLoginRateLimited(() =>
    answers.json(429, { success: false, error: 'Too many requests' }),
  );

  const alert = await submitAndWaitForLimit(user);

  expect(alert).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
  expect(screen.getByText('Try again in 30 s')).toBeInTheDocument();
  expect(loginButton()).toHaveAttribute('aria-disabled', 'true');
});

test('sign-up is held the same way, and works after the wait', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fake = installFakeAurora();
  fake.next('POST /api/v7/signup', () => answers.rateLimited(2));
  const { user } = renderApp('/signup');
  await screen.findByRole('heading', { name: 'Create your account' });
  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'grace');
  await user.type(screen.getByRole('textbox', { name: 'Email' }), 'grace@example.com');
  await user.type(screen.getByLabelText('Password', { exact: true }), 'compilers-4-all');
  await user.type(screen.getByLabelText('Confirm password', { exact: true }), 'compilers-4-all');
  const button = screen.getByRole('button', { name: 'Sign up' });

  await user.click(button);
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Too many attempts. Try again in 2 seconds.',
  );
  const countdown = screen.getByText('Try again in 2 s');
  expect(button).toHaveAttribute('aria-describedby', countdown.id);
  await user.click(button);
  expect(fake.callsTo('POST /api/v7/signup')).toHaveLength(1);

  await act(() => vi.advanceTimersByTimeAsync(2_000));
  await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  await user.click(button);
  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(fake.callsTo('POST /api/v7/signup')).toHaveLength(2);
});

test('saving the profile is held the same way, keeping every edit', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  // The current password is checked by logging in, which is what gets limited.
  fake.next('POST /api/v7/login', () => answers.rateLimited(2));
  const { user } = renderApp('/profile', { session: { token, remember: false } });
  const username = await screen.findByRole('textbox', { name: 'Username' });
  await user.clear(username);
  await user.type(username, 'ada.l');
  await user.type(screen.getByLabelText('Current password', { exact: true }), ADA.password);
  const button = screen.getByRole('button', { name: 'Save changes' });

  await user.click(button);
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Too many attempts. Try again in 2 seconds.',
  );
  expect(screen.getByText('Try again in 2 s')).toHaveAttribute('aria-hidden', 'true');
  expect(button).toHaveAttribute('aria-disabled', 'true');
  expect(username).toHaveValue('ada.l');
  await user.click(button);
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(1);

  await act(() => vi.advanceTimersByTimeAsync(2_000));
  await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
  await user.click(button);
  expect(await screen.findByText('Your changes have been saved.')).toBeInTheDocument();
  expect(fake.user('ada.l')).toMatchObject({ username: 'ada.l', email: ADA.email });
  expect(fake.callsTo('PUT /api/v7/user/info')).toHaveLength(1);
});
