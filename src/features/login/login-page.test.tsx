import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { createSessionStore } from '../../auth/session-store';
import { answers, installFakeAurora } from '../../test/fake-aurora';
import { closeAfterTest, renderApp, storedToken, uniqueChannelName } from '../../test/render-app';

const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse-battery' };

// The toggle reads "Show password" in browsers; jsdom's name computation trims the
// visually hidden " password" and drops the space, so the space is optional here.
const toggleName = (verb: 'Show' | 'Hide') => new RegExp(`^${verb} ?password$`);

function passwordInput() {
  return screen.getByLabelText('Password', { exact: true });
}

async function fillLogin(
  user: ReturnType<typeof renderApp>['user'],
  { username = ADA.username, password = ADA.password } = {},
) {
  await user.type(screen.getByRole('textbox', { name: 'Username' }), username);
  await user.type(passwordInput(), password);
}

/** The profile's Username field, once the profile is shown and filled. */
async function findProfileUsername() {
  await screen.findByRole('heading', { name: 'Your profile' });
  return screen.findByRole('textbox', { name: 'Username' });
}

test('shows the log-in form with its fields, button and link to sign up', async () => {
  installFakeAurora();
  renderApp('/login');

  expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: 'Username' })).toHaveAttribute(
    'autocomplete',
    'username',
  );
  expect(passwordInput()).toHaveAttribute('autocomplete', 'current-password');
  expect(screen.getByRole('checkbox', { name: 'Remember me' })).not.toBeChecked();
  expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
    'href',
    '/signup',
  );
});

test('an empty submit names both missing fields, focuses the summary, and sends nothing', async () => {
  const fake = installFakeAurora();
  const { user } = renderApp('/login');

  await user.click(await screen.findByRole('button', { name: 'Log in' }));

  const username = screen.getByRole('textbox', { name: 'Username' });
  await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
  expect(username).toHaveAccessibleDescription('Enter your username.');
  expect(passwordInput()).toHaveAttribute('aria-invalid', 'true');
  expect(passwordInput()).toHaveAccessibleDescription('Enter your password.');
  // Several invalid fields: the summary takes focus and leads to each, Username first.
  const summary = await screen.findByRole('alert', { name: 'There are problems with 2 fields:' });
  await waitFor(() => expect(summary).toHaveFocus());
  const links = within(summary).getAllByRole('link');
  expect(links.map((link) => link.textContent)).toEqual([
    'Enter your username.',
    'Enter your password.',
  ]);
  await user.click(within(summary).getByRole('link', { name: 'Enter your username.' }));
  expect(username).toHaveFocus();
  expect(fake.calls).toHaveLength(0);
});

test('a single missing field gets the focus itself', async () => {
  const fake = installFakeAurora();
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  await waitFor(() => expect(passwordInput()).toHaveFocus());
  expect(passwordInput()).toHaveAccessibleDescription('Enter your password.');
  expect(screen.getByRole('textbox', { name: 'Username' })).not.toHaveAttribute('aria-invalid');
  expect(fake.calls).toHaveLength(0);
});

test('a wrong password shows a clear alert and keeps what was typed', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const { user, router } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user, { password: 'not-the-password' });
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(
    'That username and password don’t match an account. Check both and try again.',
  );
  expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  expect(passwordInput()).toHaveValue('not-the-password');
  expect(router.state.location.pathname).toBe('/login');
  expect(storedToken(localStorage)).toBeNull();
  expect(storedToken(sessionStorage)).toBeNull();
});

test('logging in with Remember me keeps the token in localStorage and opens the filled profile', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const { user, router } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  await user.click(screen.getByRole('checkbox', { name: 'Remember me' }));
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('ada@example.com');
  expect(router.state.location.pathname).toBe('/profile');
  const token = fake.callsTo('GET /api/v7/user/info')[0]?.headers['x-access-token'];
  expect(token).toBeTruthy();
  expect(storedToken(localStorage)).toBe(token);
  expect(storedToken(sessionStorage)).toBeNull();
  expect(fake.calls.map((call) => call.route)).toEqual([
    'POST /api/v7/login',
    'GET /api/v7/user/info',
  ]);
  expect(fake.calls[0]?.body).toEqual({ username: 'ada', password: ADA.password });
});

test('logging in without Remember me keeps the token in sessionStorage only', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(storedToken(sessionStorage)).toBe(
    fake.callsTo('GET /api/v7/user/info')[0]?.headers['x-access-token'],
  );
  expect(storedToken(localStorage)).toBeNull();
});

test('a logged-out visit to /profile goes to log in, then back to /profile with its query', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const { user, router } = renderApp('/profile?tab=security');

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/login');
  expect(fake.calls).toHaveLength(0);

  await fillLogin(user);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(router.state.location.pathname).toBe('/profile');
  expect(router.state.location.search).toBe('?tab=security');
});

test('a logged-in visit to /login goes on to the profile', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const { router } = renderApp('/login', { session: { token, remember: true } });

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(router.state.location.pathname).toBe('/profile');
});

test('a logged-in visit to /signup goes on to the profile', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const { router } = renderApp('/signup', { session: { token, remember: false } });

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(router.state.location.pathname).toBe('/profile');
});

test('the start page sends a logged-out visitor to log in', async () => {
  installFakeAurora();
  const { router } = renderApp('/');

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/login');
});

test('the start page sends a logged-in visitor to the profile', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const { router } = renderApp('/', { session: { token, remember: true } });

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(router.state.location.pathname).toBe('/profile');
});

test('an unknown address says so and links back to the start', async () => {
  installFakeAurora();
  const { user, router } = renderApp('/no/such/page');

  expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  await user.click(screen.getByRole('link', { name: 'Go to the start page' }));

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/login');
});

test('a rate limit holds the button for the Retry-After wait, then lets it work again', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fake = installFakeAurora();
  fake.addUser(ADA);
  fake.next('POST /api/v7/login', () => answers.rateLimited(5));
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  const button = screen.getByRole('button', { name: 'Log in' });
  await user.click(button);

  expect(await screen.findByRole('alert')).toHaveTextContent(/^Too many attempts/);
  expect(screen.getByText('Try again in 5 s')).toBeVisible();
  expect(button).toHaveAttribute('aria-disabled', 'true');
  await user.click(button);
  expect(fake.calls).toHaveLength(1);

  await act(() => vi.advanceTimersByTimeAsync(5_000));

  await waitFor(() => expect(screen.queryByText(/Try again in/)).not.toBeInTheDocument());
  expect(button).not.toHaveAttribute('aria-disabled');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  await user.click(button);
  expect(await findProfileUsername()).toHaveValue('ada');
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(2);
});

test('a server error says the server failed, keeps the values, and Try again succeeds', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  fake.next('POST /api/v7/login', () => answers.serverError(500));
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(/server/i);
  expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  expect(passwordInput()).toHaveValue(ADA.password);

  await user.click(screen.getByRole('button', { name: 'Try again' }));

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(2);
});

test('a failed connection says the server could not be reached', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  fake.next('POST /api/v7/login', answers.networkError);
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(
    'We couldn’t reach the Aurora server. Check your connection, then try again.',
  );
  expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue('ada');
});

test('an HTML 502 page from a proxy becomes a readable error, not a crash', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  fake.next('POST /api/v7/login', () => answers.html(502));
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(/Aurora server/);
  expect(alert).not.toHaveTextContent(/<html>|Bad Gateway/);
  expect(screen.getByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
  expect(passwordInput()).toHaveValue(ADA.password);
});

test('while a log-in is pending the button is busy and a second submit sends nothing', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const held = fake.hold('POST /api/v7/login');
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  const button = screen.getByRole('button', { name: 'Log in' });
  await user.click(button);
  await held.arrived;

  await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'));
  expect(button).toHaveAttribute('aria-disabled', 'true');
  await user.click(button);
  await user.type(passwordInput(), '{Enter}');
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(1);

  held.release();
  expect(await findProfileUsername()).toHaveValue('ada');
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(1);
});

test('after the session expires, log-in explains why', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const { sessionStore } = renderApp('/profile', { session: { token, remember: false } });
  await findProfileUsername();

  act(() => sessionStore.end('expired'));

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent(
    'Your session has expired. Please log in again.',
  );
});

test('after a log-out in another tab, log-in says so', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const channelName = uniqueChannelName();
  const { router } = renderApp('/profile', { session: { token, remember: true }, channelName });
  await findProfileUsername();
  const otherTab = closeAfterTest(createSessionStore({ channelName }));

  otherTab.end('logged-out');

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('You signed out in another tab.');
  expect(router.state.location.pathname).toBe('/login');
  expect(storedToken(localStorage)).toBeNull();
});

test('the password toggle shows and hides the password, and says which it will do', async () => {
  installFakeAurora();
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });
  await user.type(passwordInput(), 'secret-words');

  expect(passwordInput()).toHaveAttribute('type', 'password');
  await user.click(screen.getByRole('button', { name: toggleName('Show') }));
  expect(passwordInput()).toHaveAttribute('type', 'text');
  expect(passwordInput()).toHaveValue('secret-words');
  await user.click(screen.getByRole('button', { name: toggleName('Hide') }));
  expect(passwordInput()).toHaveAttribute('type', 'password');
  expect(screen.getByRole('button', { name: toggleName('Show') })).toBeInTheDocument();
});

test('a double click on Log in sends one request', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  await user.dblClick(screen.getByRole('button', { name: 'Log in' }));

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(1);
});

test('a log-in that gets no answer gives up after 15 s and offers Try again', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fake = installFakeAurora();
  fake.addUser(ADA);
  fake.next('POST /api/v7/login', answers.never);
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  await waitFor(() => expect(fake.calls).toHaveLength(1));
  await act(() => vi.advanceTimersByTimeAsync(15_000));

  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The Aurora server took too long to answer. Try again in a moment.',
  );
  expect(screen.getByRole('button', { name: 'Log in' })).not.toHaveAttribute('aria-busy');
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await findProfileUsername()).toHaveValue('ada');
});

test('offline, the log-in waits and says so, then goes through when back online', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });
  act(() => {
    window.dispatchEvent(new Event('offline'));
  });

  expect(
    screen.getByText('You’re offline. We’ll carry on when the connection is back.'),
  ).toBeInTheDocument();
  await fillLogin(user);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(
    await screen.findByText('You’re offline. We’ll log you in as soon as the connection is back.'),
  ).toBeInTheDocument();
  expect(fake.calls).toHaveLength(0);

  onLine.mockReturnValue(true);
  act(() => {
    window.dispatchEvent(new Event('online'));
  });

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(1);
  expect(screen.queryByText(/You’re offline/)).not.toBeInTheDocument();
});

test('Caps Lock is pointed out while typing a password', async () => {
  installFakeAurora();
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await user.click(passwordInput());
  await user.keyboard('{CapsLock}a');

  expect(screen.getByRole('status')).toHaveTextContent('Caps Lock is on.');
  await user.click(screen.getByRole('textbox', { name: 'Username' }));
  expect(screen.queryByText('Caps Lock is on.')).not.toBeInTheDocument();
});

test('going on to sign up keeps the way back to the page that asked for a log-in', async () => {
  const fake = installFakeAurora();
  const { user, router } = renderApp('/profile?tab=security');
  await screen.findByRole('heading', { name: 'Log in' });

  await user.click(screen.getByRole('link', { name: 'Create an account' }));
  await screen.findByRole('heading', { name: 'Create your account' });
  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'grace');
  await user.type(screen.getByRole('textbox', { name: 'Email' }), 'grace@example.com');
  await user.type(screen.getByLabelText('Password', { exact: true }), 'compilers-4-all');
  await user.type(screen.getByLabelText('Confirm password', { exact: true }), 'compilers-4-all');
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  expect(await findProfileUsername()).toHaveValue('grace');
  expect(router.state.location.pathname).toBe('/profile');
  expect(router.state.location.search).toBe('?tab=security');
  expect(fake.callsTo('POST /api/v7/signup')).toHaveLength(1);
});

test('a request the server calls malformed gets its own message', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  fake.next('POST /api/v7/login', answers.badRequest);
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The server didn’t accept these details. Check your username and password.',
  );
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  expect(screen.getByRole('textbox', { name: 'Username' })).toHaveValue('ada');
});

test('spaces around the username are not sent', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await fillLogin(user, { username: '  ada ' });
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await findProfileUsername()).toHaveValue('ada');
  expect(fake.calls[0]?.body).toEqual({ username: 'ada', password: ADA.password });
});
