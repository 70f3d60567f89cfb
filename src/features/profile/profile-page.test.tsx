import { act, screen, waitFor } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { answers, installFakeAurora } from '../../test/fake-aurora';
import { createSessionStore } from '../../auth/session-store';
import { closeAfterTest, renderApp, storedToken, uniqueChannelName } from '../../test/render-app';

const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse-battery' };

type User = ReturnType<typeof renderApp>['user'];

const usernameInput = () => screen.getByRole('textbox', { name: 'Username' });
const emailInput = () => screen.getByRole('textbox', { name: 'Email' });
const newPasswordInput = () => screen.getByLabelText('New password', { exact: true });
const confirmNewPasswordInput = () =>
  screen.getByLabelText('Confirm new password', { exact: true });
const currentPasswordInput = () => screen.getByLabelText('Current password', { exact: true });
const saveButton = () => screen.getByRole('button', { name: 'Save changes' });

/** The status region is always there; once the save is through it says so. */
const expectSaved = () =>
  waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent('Your changes have been saved.'),
  );

/** Ada, logged in (remembered), on her profile with the form filled. */
async function openProfile({ remember = true } = {}) {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const rendered = renderApp('/profile', { session: { token, remember } });
  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  return { fake, token, ...rendered };
}

async function replaceText(user: User, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) await user.type(input, text);
}

test('the profile opens filled with the account’s username and email, passwords empty', async () => {
  const { fake } = await openProfile();

  expect(screen.getByRole('heading', { level: 1, name: 'Your profile' })).toBeInTheDocument();
  expect(usernameInput()).toHaveValue('ada');
  expect(emailInput()).toHaveValue('ada@example.com');
  expect(newPasswordInput()).toHaveValue('');
  expect(newPasswordInput()).toHaveAttribute('autocomplete', 'new-password');
  expect(confirmNewPasswordInput()).toHaveValue('');
  expect(currentPasswordInput()).toHaveValue('');
  expect(currentPasswordInput()).toHaveAttribute('autocomplete', 'current-password');
  expect(saveButton()).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Log out' })).toBeInTheDocument();
  expect(fake.calls.map((call) => call.route)).toEqual(['GET /api/v7/user/info']);
});

test('while the user info loads there is a loading message and no half-filled form', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const held = fake.hold('GET /api/v7/user/info');
  renderApp('/profile', { session: { token, remember: false } });

  expect(await screen.findByText('Loading your profile…')).toBeInTheDocument();
  await held.arrived;
  expect(screen.getByText('Loading your profile…')).toBeInTheDocument();
  expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();

  held.release();

  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  expect(emailInput()).toHaveValue('ada@example.com');
  expect(screen.queryByText('Loading your profile…')).not.toBeInTheDocument();
});

test('a wrong current password is shown on that field, which gets the focus, and nothing is saved until it is right', async () => {
  const { user, fake } = await openProfile();

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(currentPasswordInput(), 'not-my-password');
  await user.click(saveButton());

  await waitFor(() => expect(currentPasswordInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(currentPasswordInput()).toHaveAccessibleDescription(
    /That isn’t your current password\. Nothing was changed\.$/,
  );
  expect(currentPasswordInput()).toHaveFocus();
  expect(emailInput()).toHaveValue('ada@lovelace.example');
  expect(fake.callsTo('PUT /api/v7/user/info')).toHaveLength(0);
  expect(fake.user('ada')?.email).toBe('ada@example.com');
  expect(screen.getByRole('status')).toHaveTextContent('');

  await replaceText(user, currentPasswordInput(), ADA.password);
  expect(currentPasswordInput()).not.toHaveAttribute('aria-invalid');
  await user.click(saveButton());
  await expectSaved();
  expect(fake.user('ada')?.email).toBe('ada@lovelace.example');
});

test('saving with a new password sends it, says so, resets the form and reloads the info', async () => {
  const { user, fake, token } = await openProfile();

  await replaceText(user, usernameInput(), 'ada.lovelace');
  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(newPasswordInput(), 'analytical-engine-1843');
  await user.type(confirmNewPasswordInput(), 'analytical-engine-1843');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());

  await expectSaved();
  const puts = fake.callsTo('PUT /api/v7/user/info');
  expect(puts).toHaveLength(1);
  expect(puts[0]?.headers['x-access-token']).toBe(token);
  expect(puts[0]?.body).toEqual({
    username: 'ada.lovelace',
    email: 'ada@lovelace.example',
    password: 'analytical-engine-1843',
  });
  expect(usernameInput()).toHaveValue('ada.lovelace');
  expect(emailInput()).toHaveValue('ada@lovelace.example');
  expect(newPasswordInput()).toHaveValue('');
  expect(confirmNewPasswordInput()).toHaveValue('');
  expect(currentPasswordInput()).toHaveValue('');
  await waitFor(() => expect(fake.callsTo('GET /api/v7/user/info')).toHaveLength(2));
  expect(fake.calls.map((call) => call.route)).toEqual([
    'GET /api/v7/user/info',
    'POST /api/v7/login',
    'PUT /api/v7/user/info',
    'GET /api/v7/user/info',
  ]);
  expect(fake.user('ada.lovelace')?.password).toBe('analytical-engine-1843');
});

test('saving without a new password sends the current one, keeping it', async () => {
  const { user, fake } = await openProfile();

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());

  await expectSaved();
  expect(fake.callsTo('PUT /api/v7/user/info')[0]?.body).toEqual({
    username: 'ada',
    email: 'ada@lovelace.example',
    password: ADA.password,
  });
  expect(currentPasswordInput()).toHaveValue('');
  expect(emailInput()).toHaveValue('ada@lovelace.example');
  expect(fake.user('ada')).toEqual({ ...ADA, email: 'ada@lovelace.example' });
});

test('a change the server refuses shows an alert and keeps the edits', async () => {
  const { user, fake } = await openProfile();
  fake.addUser({ username: 'grace', email: 'grace@example.com', password: 'compilers-4-all' });

  await replaceText(user, usernameInput(), 'grace');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());

  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The server didn’t accept these changes. The username or email may already belong to another account: try another.',
  );
  expect(usernameInput()).toHaveValue('grace');
  expect(currentPasswordInput()).toHaveValue(ADA.password);
  expect(screen.getByRole('status')).toHaveTextContent('');
  expect(fake.user('ada')).toEqual(ADA);
});

test('a server error on save offers Try again, which saves', async () => {
  const { user, fake } = await openProfile();
  fake.next('PUT /api/v7/user/info', () => answers.serverError(500));

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());

  expect(await screen.findByRole('alert')).toHaveTextContent(/server/i);
  expect(emailInput()).toHaveValue('ada@lovelace.example');
  expect(currentPasswordInput()).toHaveValue(ADA.password);

  await user.click(screen.getByRole('button', { name: 'Try again' }));

  await expectSaved();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(fake.callsTo('PUT /api/v7/user/info')).toHaveLength(2);
  expect(fake.user('ada')?.email).toBe('ada@lovelace.example');
});

test('offline, a save waits and says so, keeps the edits, then goes through when back online', async () => {
  const { user, fake } = await openProfile();
  const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  act(() => {
    window.dispatchEvent(new Event('offline'));
  });

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());

  expect(
    await screen.findByText(
      'You’re offline. Your changes will be saved as soon as the connection is back.',
    ),
  ).toHaveAttribute('role', 'status');
  expect(emailInput()).toHaveValue('ada@lovelace.example');
  expect(fake.callsTo('PUT /api/v7/user/info')).toHaveLength(0);

  onLine.mockReturnValue(true);
  act(() => {
    window.dispatchEvent(new Event('online'));
  });

  await expectSaved();
  expect(fake.callsTo('PUT /api/v7/user/info')).toHaveLength(1);
  expect(fake.user('ada')?.email).toBe('ada@lovelace.example');
  expect(screen.queryByText(/You’re offline/)).not.toBeInTheDocument();
});

test('a refused token when loading the info ends the session and asks to log in again', async () => {
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const { user, router, queryClient } = renderApp('/profile', {
    session: { token: 'tok-expired', remember: true },
  });

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent(
    'Your session has expired. Please log in again.',
  );
  expect(router.state.location.pathname).toBe('/login');
  expect(storedToken(localStorage)).toBeNull();
  expect(storedToken(sessionStorage)).toBeNull();
  expect(queryClient.getQueryData(['user-info'])).toBeUndefined();

  await user.type(screen.getByRole('textbox', { name: 'Username' }), ADA.username);
  await user.type(screen.getByLabelText('Password', { exact: true }), ADA.password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  expect(router.state.location.pathname).toBe('/profile');
});

test('a refused token on save ends the session without asking about the edits', async () => {
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
  const { user, fake, router, queryClient } = await openProfile();

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(currentPasswordInput(), ADA.password);
  fake.expireTokens();
  await user.click(saveButton());

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent(
    'Your session has expired. Please log in again.',
  );
  expect(router.state.location.pathname).toBe('/login');
  expect(confirm).not.toHaveBeenCalled();
  expect(storedToken(localStorage)).toBeNull();
  expect(storedToken(sessionStorage)).toBeNull();
  expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  expect(fake.user('ada')?.email).toBe('ada@example.com');

  await user.type(screen.getByRole('textbox', { name: 'Username' }), ADA.username);
  await user.type(screen.getByLabelText('Password', { exact: true }), ADA.password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/profile');
});

test('Log out ends the session, forgets the data and shows log-in without a notice', async () => {
  const confirm = vi.spyOn(window, 'confirm');
  const { user, router, queryClient } = await openProfile({ remember: false });

  await user.click(screen.getByRole('button', { name: 'Log out' }));

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/login');
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
  expect(storedToken(localStorage)).toBeNull();
  expect(storedToken(sessionStorage)).toBeNull();
  expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  expect(confirm).not.toHaveBeenCalled();
});

test('Log out with unsaved edits asks first; cancelling keeps the edits', async () => {
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
  const { user, router } = await openProfile();

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.click(screen.getByRole('button', { name: 'Log out' }));

  expect(confirm).toHaveBeenCalledOnce();
  expect(router.state.location.pathname).toBe('/profile');
  expect(emailInput()).toHaveValue('ada@lovelace.example');
  expect(storedToken(localStorage)).not.toBeNull();

  confirm.mockReturnValue(true);
  await user.click(screen.getByRole('button', { name: 'Log out' }));

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(confirm).toHaveBeenCalledTimes(2);
  expect(storedToken(localStorage)).toBeNull();
});

test('the info fills in by itself after the server fails twice', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  fake.next('GET /api/v7/user/info', () => answers.serverError(503), 2);
  renderApp('/profile', { session: { token, remember: true } });

  expect(await screen.findByText('Loading your profile…')).toBeInTheDocument();
  await waitFor(() => expect(fake.callsTo('GET /api/v7/user/info')).toHaveLength(1));
  // The query backs off 1 s, then 1.2 s.
  await act(() => vi.advanceTimersByTimeAsync(1_000));
  await waitFor(() => expect(fake.callsTo('GET /api/v7/user/info')).toHaveLength(2));
  await act(() => vi.advanceTimersByTimeAsync(1_200));

  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  expect(fake.callsTo('GET /api/v7/user/info')).toHaveLength(3);
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('leaving with unsaved edits asks first: cancel stays with the edits', async () => {
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
  const { user, router } = await openProfile();

  await replaceText(user, usernameInput(), 'ada.lovelace');
  await user.click(screen.getByRole('link', { name: 'Aurora' }));

  await waitFor(() => expect(confirm).toHaveBeenCalledOnce());
  expect(router.state.location.pathname).toBe('/profile');
  expect(usernameInput()).toHaveValue('ada.lovelace');
});

test('leaving with unsaved edits asks first: accepting leaves and drops them', async () => {
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
  const { user, router } = await openProfile();

  await replaceText(user, usernameInput(), 'ada.lovelace');
  await user.click(screen.getByRole('link', { name: 'Aurora' }));

  await waitFor(() => expect(confirm).toHaveBeenCalledOnce());
  // The start page sends a logged-in visitor back to a fresh profile.
  await waitFor(() => expect(usernameInput()).toHaveValue('ada'));
  expect(router.state.location.pathname).toBe('/profile');
  expect(confirm).toHaveBeenCalledOnce();
});

test('leaving without edits asks nothing', async () => {
  const confirm = vi.spyOn(window, 'confirm');
  const { user, router, fake } = await openProfile();

  await user.click(screen.getByRole('link', { name: 'Aurora' }));

  await waitFor(() => expect(router.state.location.pathname).toBe('/profile'));
  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  expect(confirm).not.toHaveBeenCalled();
  expect(fake.callsTo('PUT /api/v7/user/info')).toHaveLength(0);
});

test('saving without the current password asks for it on that field', async () => {
  const { user, fake } = await openProfile();

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.click(saveButton());

  await waitFor(() => expect(currentPasswordInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(currentPasswordInput()).toHaveAccessibleDescription(
    /Enter your current password to save changes\.$/,
  );
  await waitFor(() => expect(currentPasswordInput()).toHaveFocus());
  expect(fake.calls.map((call) => call.route)).toEqual(['GET /api/v7/user/info']);
});

test('new passwords that differ are pointed out on the confirmation, and nothing is sent', async () => {
  const { user, fake } = await openProfile();

  await user.type(newPasswordInput(), 'analytical-engine-1843');
  await user.type(confirmNewPasswordInput(), 'analytical-engine-1842');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());

  await waitFor(() => expect(confirmNewPasswordInput()).toHaveAttribute('aria-invalid', 'true'));
  expect(confirmNewPasswordInput()).toHaveAccessibleDescription(
    'The new passwords don’t match. Type the same password twice.',
  );
  await waitFor(() => expect(confirmNewPasswordInput()).toHaveFocus());
  expect(fake.calls.map((call) => call.route)).toEqual(['GET /api/v7/user/info']);
});

test('after a save the form counts as unchanged: leaving asks nothing', async () => {
  const confirm = vi.spyOn(window, 'confirm');
  const { user } = await openProfile();

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());
  await expectSaved();
  await user.click(screen.getByRole('link', { name: 'Aurora' }));

  expect(await screen.findByRole('textbox', { name: 'Email' })).toHaveValue('ada@lovelace.example');
  expect(confirm).not.toHaveBeenCalled();
});

test('closing the tab with unsaved edits makes the browser ask', async () => {
  const { user } = await openProfile();
  const unload = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  expect(unload()).toBe(false);

  await replaceText(user, emailInput(), 'ada@lovelace.example');

  await waitFor(() => expect(unload()).toBe(true));
});

test('when the info cannot be loaded after the retries, an alert offers Try again', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  fake.next('GET /api/v7/user/info', () => answers.serverError(500), 4);
  const { user } = renderApp('/profile', { session: { token, remember: true } });

  for (const [attempt, backoff] of [1_000, 1_200, 1_440].entries()) {
    await waitFor(() => expect(fake.callsTo('GET /api/v7/user/info')).toHaveLength(attempt + 1));
    await act(() => vi.advanceTimersByTimeAsync(backoff));
  }

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(/^We couldn’t load your profile\./);
  expect(alert).toHaveTextContent(/server/);
  expect(fake.callsTo('GET /api/v7/user/info')).toHaveLength(4);
  expect(screen.queryByRole('textbox')).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Try again' }));

  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('a second save checks the current password against the saved username and password', async () => {
  const { user, fake } = await openProfile();

  await replaceText(user, usernameInput(), 'ada.lovelace');
  await user.type(newPasswordInput(), 'analytical-engine-1843');
  await user.type(confirmNewPasswordInput(), 'analytical-engine-1843');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());
  await expectSaved();
  await waitFor(() => expect(fake.callsTo('GET /api/v7/user/info')).toHaveLength(2));

  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(currentPasswordInput(), 'analytical-engine-1843');
  await user.click(saveButton());

  await waitFor(() => expect(fake.callsTo('PUT /api/v7/user/info')).toHaveLength(2));
  await expectSaved();
  expect(fake.callsTo('POST /api/v7/login')[1]?.body).toEqual({
    username: 'ada.lovelace',
    password: 'analytical-engine-1843',
  });
  expect(fake.user('ada.lovelace')).toEqual({
    username: 'ada.lovelace',
    email: 'ada@lovelace.example',
    password: 'analytical-engine-1843',
  });
  expect(currentPasswordInput()).not.toHaveAttribute('aria-invalid');
});

test('a log-out in another tab ends this one without asking about its edits', async () => {
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const channelName = uniqueChannelName();
  const { user, router } = renderApp('/profile', {
    session: { token, remember: true },
    channelName,
  });
  await replaceText(user, await screen.findByRole('textbox', { name: 'Email' }), 'x@example.com');
  const otherTab = closeAfterTest(createSessionStore({ channelName }));

  otherTab.end('logged-out');

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('You signed out in another tab.');
  expect(router.state.location.pathname).toBe('/login');
  expect(confirm).not.toHaveBeenCalled();
});

const DRAFT_NOTICE =
  'We put back the changes you hadn’t saved when your session expired. Enter your current password to save them.';

async function logInAgain(user: User, { username = ADA.username, password = ADA.password } = {}) {
  await screen.findByRole('heading', { name: 'Log in' });
  await user.type(screen.getByRole('textbox', { name: 'Username' }), username);
  await user.type(screen.getByLabelText('Password', { exact: true }), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  await screen.findByRole('heading', { name: 'Your profile' });
  return screen.findByRole('textbox', { name: 'Username' });
}

/** Saves the username "ada.lovelace" and waits for the profile to reload. */
async function renameToLovelace(user: User, fake: ReturnType<typeof installFakeAurora>) {
  await replaceText(user, usernameInput(), 'ada.lovelace');
  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());
  await expectSaved();
  await waitFor(() => expect(fake.callsTo('GET /api/v7/user/info')).toHaveLength(2));
}

/** Edits the email, then tries to save after the token has expired. */
async function expireWhileEditing(user: User, fake: ReturnType<typeof installFakeAurora>) {
  await replaceText(user, emailInput(), 'ada@lovelace.example');
  await user.type(currentPasswordInput(), ADA.password);
  fake.expireTokens();
  await user.click(saveButton());
}

test('edits cut off by an expired session come back when the same account logs in again', async () => {
  vi.spyOn(window, 'confirm').mockReturnValue(false);
  const { user, fake } = await openProfile();

  await expireWhileEditing(user, fake);
  expect(await logInAgain(user)).toHaveValue('ada');

  expect(emailInput()).toHaveValue('ada@lovelace.example');
  expect(screen.getByText(DRAFT_NOTICE)).toBeInTheDocument();
  expect(currentPasswordInput()).toHaveValue('');
  expect(fake.user('ada')?.email).toBe('ada@example.com');

  await user.type(currentPasswordInput(), ADA.password);
  await user.click(saveButton());
  await expectSaved();
  expect(fake.user('ada')?.email).toBe('ada@lovelace.example');
  expect(screen.queryByText(DRAFT_NOTICE)).not.toBeInTheDocument();
});

test('edits cut off by an expired session are never shown to another account', async () => {
  vi.spyOn(window, 'confirm').mockReturnValue(false);
  const { user, fake } = await openProfile();
  fake.addUser({ username: 'grace', email: 'grace@example.com', password: 'compilers-4-all' });

  await expireWhileEditing(user, fake);
  const username = await logInAgain(user, { username: 'grace', password: 'compilers-4-all' });

  expect(username).toHaveValue('grace');
  expect(emailInput()).toHaveValue('grace@example.com');
  expect(screen.queryByText(DRAFT_NOTICE)).not.toBeInTheDocument();
});

test('edits cut off by an expired session come back after an earlier username change too', async () => {
  vi.spyOn(window, 'confirm').mockReturnValue(false);
  const { user, fake } = await openProfile();
  await renameToLovelace(user, fake);

  await expireWhileEditing(user, fake);
  expect(await logInAgain(user, { username: 'ada.lovelace' })).toHaveValue('ada.lovelace');

  expect(emailInput()).toHaveValue('ada@lovelace.example');
  expect(screen.getByText(DRAFT_NOTICE)).toBeInTheDocument();
});

test('after a username change, the old name’s next owner never gets the cut-off edits', async () => {
  vi.spyOn(window, 'confirm').mockReturnValue(false);
  const { user, fake } = await openProfile();
  await renameToLovelace(user, fake);
  await expireWhileEditing(user, fake);

  // Someone else signs up in this tab with the name Ada gave up.
  await user.click(await screen.findByRole('link', { name: 'Create an account' }));
  await screen.findByRole('heading', { name: 'Create your account' });
  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'ada');
  await user.type(screen.getByRole('textbox', { name: 'Email' }), 'new.ada@example.com');
  await user.type(screen.getByLabelText('Password', { exact: true }), 'another-password');
  await user.type(screen.getByLabelText('Confirm password', { exact: true }), 'another-password');
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
  await screen.findByRole('heading', { name: 'Your profile' });

  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('ada');
  expect(emailInput()).toHaveValue('new.ada@example.com');
  expect(screen.queryByText(DRAFT_NOTICE)).not.toBeInTheDocument();
});

test('edits left behind by a log-out in another tab are not brought back', async () => {
  vi.spyOn(window, 'confirm').mockReturnValue(false);
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const channelName = uniqueChannelName();
  const { user } = renderApp('/profile', { session: { token, remember: true }, channelName });
  await replaceText(user, await screen.findByRole('textbox', { name: 'Email' }), 'x@example.com');
  closeAfterTest(createSessionStore({ channelName })).end('logged-out');

  expect(await logInAgain(user)).toHaveValue('ada');

  expect(emailInput()).toHaveValue('ada@example.com');
  expect(screen.queryByText(DRAFT_NOTICE)).not.toBeInTheDocument();
});
