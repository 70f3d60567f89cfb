import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { answers, installFakeAurora } from '../../test/fake-aurora';
import { renderApp, storedToken } from '../../test/render-app';

const NEW_USER = { username: 'grace', email: 'grace@example.com', password: 'compilers-4-all' };

type User = ReturnType<typeof renderApp>['user'];

const usernameInput = () => screen.getByRole('textbox', { name: 'Username' });
const emailInput = () => screen.getByRole('textbox', { name: 'Email' });
const passwordInput = () => screen.getByLabelText('Password', { exact: true });
const confirmInput = () => screen.getByLabelText('Confirm password', { exact: true });

interface SignupInput {
  username?: string;
  email?: string;
  password?: string;
  /** Defaults to the password. */
  confirm?: string;
}

async function fillSignup(
  user: User,
  {
    username = NEW_USER.username,
    email = NEW_USER.email,
    password = NEW_USER.password,
    confirm = password,
  }: SignupInput = {},
) {
  if (username) await user.type(usernameInput(), username);
  if (email) await user.type(emailInput(), email);
  if (password) await user.type(passwordInput(), password);
  if (confirm) await user.type(confirmInput(), confirm);
}

async function openSignup() {
  const fake = installFakeAurora();
  const rendered = renderApp('/signup');
  await screen.findByRole('heading', { level: 1, name: 'Create your account' });
  return { fake, ...rendered };
}

test('shows the sign-up form with its fields, button and link to log in', async () => {
  await openSignup();

  expect(usernameInput()).toBeInTheDocument();
  expect(emailInput()).toBeInTheDocument();
  expect(passwordInput()).toBeInTheDocument();
  expect(confirmInput()).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Sign up' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
});

test('fields carry the hints password managers and browsers use', async () => {
  await openSignup();

  expect(usernameInput()).toHaveAttribute('autocomplete', 'username');
  expect(emailInput()).toHaveAttribute('autocomplete', 'email');
  expect(emailInput()).toHaveAttribute('type', 'email');
  expect(passwordInput()).toHaveAttribute('autocomplete', 'new-password');
  expect(passwordInput()).toHaveAttribute('minlength', '8');
  expect(passwordInput()).toHaveAttribute('maxlength', '128');
  expect(passwordInput()).toHaveAttribute('passwordrules', 'minlength: 8; maxlength: 128;');
  expect(confirmInput()).toHaveAttribute('autocomplete', 'new-password');
  expect(confirmInput()).toHaveAttribute('maxlength', '128');
});

test('a too short username is explained on the field, which gets the focus', async () => {
  const { user, fake } = await openSignup();

  await fillSignup(user, { username: 'ab' });
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  await waitFor(() => expect(usernameInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(usernameInput()).toHaveAccessibleDescription(/Use at least 3 characters\.$/);
  expect(usernameInput()).toHaveFocus();
  expect(fake.calls).toHaveLength(0);
});

test('a username with other characters names the ones allowed', async () => {
  const { user, fake } = await openSignup();

  await fillSignup(user, { username: 'grace hopper!' });
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  await waitFor(() => expect(usernameInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(usernameInput()).toHaveAccessibleDescription(
    /Use only letters, digits, dots \(\.\), underscores \(_\) and hyphens \(-\)\.$/,
  );
  expect(usernameInput()).toHaveFocus();
  expect(fake.calls).toHaveLength(0);
});

test('a too long username is explained on the field', async () => {
  const { user, fake } = await openSignup();

  await fillSignup(user, { username: 'g'.repeat(33) });
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  await waitFor(() => expect(usernameInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(usernameInput()).toHaveAccessibleDescription(/Use at most 32 characters\.$/);
  expect(fake.calls).toHaveLength(0);
});

test('an invalid email is explained on the field, which gets the focus', async () => {
  const { user, fake } = await openSignup();

  await fillSignup(user, { email: 'grace.example.com' });
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  await waitFor(() => expect(emailInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(emailInput()).toHaveAccessibleDescription(
    'Enter a valid email address, like name@example.com.',
  );
  expect(emailInput()).toHaveFocus();
  expect(usernameInput()).not.toHaveAttribute('aria-invalid');
  expect(fake.calls).toHaveLength(0);
});

test('a short password is explained on the field, which gets the focus', async () => {
  const { user, fake } = await openSignup();

  await fillSignup(user, { password: 'short', confirm: 'short' });
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  await waitFor(() => expect(passwordInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(passwordInput()).toHaveAccessibleDescription(/Use at least 8 characters\.$/);
  expect(passwordInput()).toHaveFocus();
  expect(fake.calls).toHaveLength(0);
});

test('a confirmation that differs is explained on it, which gets the focus', async () => {
  const { user, fake } = await openSignup();

  await fillSignup(user, { confirm: 'compilers-4-none' });
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  await waitFor(() => expect(confirmInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(confirmInput()).toHaveAccessibleDescription(
    'The passwords don’t match. Type the same password twice.',
  );
  expect(confirmInput()).toHaveFocus();
  expect(passwordInput()).not.toHaveAttribute('aria-invalid');
  expect(fake.calls).toHaveLength(0);
});

test('several invalid fields are listed in a focused summary, first field first', async () => {
  const { user, fake } = await openSignup();

  await fillSignup(user, { username: 'ab', email: 'nope', password: 'short', confirm: 'other' });
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  const summary = await screen.findByRole('alert', { name: 'There are problems with 4 fields:' });
  await waitFor(() => expect(summary).toHaveFocus());
  const links = within(summary).getAllByRole('link');
  expect(links.map((link) => link.textContent)).toEqual([
    'Use at least 3 characters.',
    'Enter a valid email address, like name@example.com.',
    'Use at least 8 characters.',
    'The passwords don’t match. Type the same password twice.',
  ]);
  await user.click(within(summary).getByRole('link', { name: 'Use at least 3 characters.' }));
  expect(usernameInput()).toHaveFocus();
  expect(fake.calls).toHaveLength(0);
});

test('the summary takes focus once per submit, never from a field being typed in', async () => {
  const { user } = await openSignup();

  await fillSignup(user, { username: 'ab', email: 'nope' });
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
  const summary = await screen.findByRole('alert', { name: 'There are problems with 2 fields:' });
  await waitFor(() => expect(summary).toHaveFocus());

  // Fixing both fields empties the summary; breaking one again brings it back while the
  // user types, and the focus stays where they type.
  await user.type(usernameInput(), 'a');
  await user.clear(emailInput());
  await user.type(emailInput(), NEW_USER.email);
  await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  await user.clear(usernameInput());
  expect(
    await screen.findByRole('alert', { name: 'There is a problem with 1 field:' }),
  ).toBeInTheDocument();
  expect(usernameInput()).toHaveFocus();

  // The next failed submit with several problems focuses it again.
  await user.clear(emailInput());
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
  const again = await screen.findByRole('alert', { name: 'There are problems with 2 fields:' });
  await waitFor(() => expect(again).toHaveFocus());
});

test('signing up opens the filled profile with a session that ends with the tab', async () => {
  const { user, fake, router } = await openSignup();

  await fillSignup(user);
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('grace');
  expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('grace@example.com');
  expect(router.state.location.pathname).toBe('/profile');
  expect(fake.calls.map((call) => call.route)).toEqual([
    'POST /api/v7/signup',
    'GET /api/v7/user/info',
  ]);
  // The confirmation stays in the browser.
  expect(fake.calls[0]?.body).toEqual(NEW_USER);
  const token = fake.calls[1]?.headers['x-access-token'];
  expect(token).toBeTruthy();
  expect(storedToken(sessionStorage)).toBe(token);
  expect(storedToken(localStorage)).toBeNull();
});

test('a name or email already in use shows an alert and keeps everything typed', async () => {
  const { user, fake, router } = await openSignup();
  fake.addUser({ ...NEW_USER, password: 'someone-elses' });

  await fillSignup(user);
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(
    'We couldn’t create this account. The username or email may already be in use: try another, or log in instead.',
  );
  expect(usernameInput()).toHaveValue(NEW_USER.username);
  expect(emailInput()).toHaveValue(NEW_USER.email);
  expect(passwordInput()).toHaveValue(NEW_USER.password);
  expect(confirmInput()).toHaveValue(NEW_USER.password);
  expect(router.state.location.pathname).toBe('/signup');
  expect(storedToken(sessionStorage)).toBeNull();
});

test('the Log in link leads to the log-in page', async () => {
  const { user, router } = await openSignup();

  await user.click(screen.getByRole('link', { name: 'Log in' }));

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/login');
});

test('a server error on sign-up keeps everything and Try again creates the account', async () => {
  const { user, fake } = await openSignup();
  fake.next('POST /api/v7/signup', () => answers.html(502));

  await fillSignup(user);
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  expect(await screen.findByRole('alert')).toHaveTextContent(/Aurora server/);
  expect(usernameInput()).toHaveValue(NEW_USER.username);
  expect(confirmInput()).toHaveValue(NEW_USER.password);

  await user.click(screen.getByRole('button', { name: 'Try again' }));

  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('grace');
  expect(fake.callsTo('POST /api/v7/signup')).toHaveLength(2);
});
