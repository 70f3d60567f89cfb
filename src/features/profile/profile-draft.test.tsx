import { act, screen, waitFor } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { answers, installFakeAurora, type FakeAurora } from '../../test/fake-aurora';
import { renderApp } from '../../test/render-app';
import { discardProfileDraft, keepProfileDraft, readProfileDraft } from './profile-draft';

const DRAFT_KEY = 'aurora.profile-draft';
const ADA = { username: 'ada', email: 'ada@example.com', password: 'pw-ada-1815' };
const BOB = { username: 'bob', email: 'bob@example.com', password: 'pw-bob-1999' };
const EDITS = { username: 'ada.l', email: 'ada@ae.example' };
const NEW_PASSWORD = 'new-pw-42';
const RESTORED_NOTE = /^We put back the changes you hadn’t saved when your session expired\./;
const EXPIRED = 'Your session has expired. Please log in again.';

type User = ReturnType<typeof renderApp>['user'];

const usernameInput = () => screen.getByRole('textbox', { name: 'Username' });
const emailInput = () => screen.getByRole('textbox', { name: 'Email' });
const passwordInput = (label: string) => screen.getByLabelText(label, { exact: true });

async function openProfile(fake: FakeAurora, remember = false) {
  const token = fake.addUser(ADA);
  const rendered = renderApp('/profile', { session: { token, remember } });
  await screen.findByRole('heading', { name: 'Your profile' });
  await waitFor(() => expect(usernameInput()).toHaveValue(ADA.username));
  return rendered;
}

/** Edits everything on the profile, passwords included, without saving. */
async function editProfile(user: User) {
  await user.clear(usernameInput());
  await user.type(usernameInput(), EDITS.username);
  await user.clear(emailInput());
  await user.type(emailInput(), EDITS.email);
  await user.type(passwordInput('New password'), NEW_PASSWORD);
  await user.type(passwordInput('Confirm new password'), NEW_PASSWORD);
  await user.type(passwordInput('Current password'), ADA.password);
}

async function logIn(user: User, account: { username: string; password: string }) {
  await screen.findByRole('heading', { name: 'Log in' });
  await user.type(usernameInput(), account.username);
  await user.type(passwordInput('Password'), account.password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  await screen.findByRole('heading', { name: 'Your profile' });
}

/** Edits the profile, then a save meets a 401: the session has expired meanwhile. */
async function expireWhileEditing(fake: FakeAurora) {
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
  const rendered = await openProfile(fake);
  await editProfile(rendered.user);
  fake.next('PUT /api/v7/user/info', answers.unauthorized);

  await rendered.user.click(screen.getByRole('button', { name: 'Save changes' }));

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  return { ...rendered, confirm };
}

test('a session expiring during a save goes to log in with a notice, asking nothing', async () => {
  const fake = installFakeAurora();
  const { router, confirm } = await expireWhileEditing(fake);

  expect(router.state.location.pathname).toBe('/login');
  expect(screen.getByRole('status')).toHaveTextContent(EXPIRED);
  expect(confirm).not.toHaveBeenCalled();
  expect(fake.user(ADA.username)).toEqual(ADA);
});

test('the kept draft holds the username and email, and never a password', async () => {
  const fake = installFakeAurora();
  await expireWhileEditing(fake);

  const stored = sessionStorage.getItem(DRAFT_KEY);
  expect(stored).not.toBeNull();
  expect(JSON.parse(stored ?? '')).toEqual({
    account: ADA.username,
    username: EDITS.username,
    email: EDITS.email,
  });
  expect(stored).not.toContain(NEW_PASSWORD);
  expect(stored).not.toContain(ADA.password);
  expect(stored).not.toMatch(/password/i);
  expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
});

test('logging back in as the same account puts the edits back, passwords empty', async () => {
  const fake = installFakeAurora();
  const { user, router, confirm } = await expireWhileEditing(fake);

  await logIn(user, ADA);

  expect(router.state.location.pathname).toBe('/profile');
  await waitFor(() => expect(usernameInput()).toHaveValue(EDITS.username));
  expect(emailInput()).toHaveValue(EDITS.email);
  expect(passwordInput('New password')).toHaveValue('');
  expect(passwordInput('Confirm new password')).toHaveValue('');
  expect(passwordInput('Current password')).toHaveValue('');
  expect(screen.getByText(RESTORED_NOTE)).toHaveAttribute('role', 'status');
  expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  expect(confirm).not.toHaveBeenCalled();
});

test('the restored edits are unsaved changes: leaving asks first, and saving them works', async () => {
  const fake = installFakeAurora();
  const { user, confirm } = await expireWhileEditing(fake);
  await logIn(user, ADA);
  await waitFor(() => expect(usernameInput()).toHaveValue(EDITS.username));

  confirm.mockReturnValue(false);
  await user.click(screen.getByRole('button', { name: 'Log out' }));
  expect(confirm).toHaveBeenCalledTimes(1);
  expect(screen.getByRole('heading', { name: 'Your profile' })).toBeInTheDocument();

  await user.type(passwordInput('Current password'), ADA.password);
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  expect(await screen.findByText('Your changes have been saved.')).toBeInTheDocument();
  expect(fake.user(EDITS.username)).toMatchObject(EDITS);
  expect(screen.queryByText(RESTORED_NOTE)).not.toBeInTheDocument();
});

test('a refused refetch of the profile keeps the draft too', async () => {
  const fake = installFakeAurora();
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
  const { user, queryClient } = await openProfile(fake);
  await user.clear(usernameInput());
  await user.type(usernameInput(), EDITS.username);
  fake.expireTokens();

  await act(() => queryClient.refetchQueries({ queryKey: ['user-info'] }));

  expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent(EXPIRED);
  expect(confirm).not.toHaveBeenCalled();
  expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null')).toEqual({
    account: ADA.username,
    username: EDITS.username,
    email: ADA.email,
  });

  await logIn(user, ADA);
  await waitFor(() => expect(usernameInput()).toHaveValue(EDITS.username));
  expect(emailInput()).toHaveValue(ADA.email);
});

test('an expiry with nothing edited keeps no draft, and the profile comes back plain', async () => {
  const fake = installFakeAurora();
  const { user, sessionStore } = await openProfile(fake);
  await user.type(passwordInput('Current password'), ADA.password);

  act(() => sessionStore.end('expired'));
  await screen.findByRole('heading', { name: 'Log in' });

  expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  await logIn(user, ADA);
  await waitFor(() => expect(usernameInput()).toHaveValue(ADA.username));
  expect(screen.queryByText(RESTORED_NOTE)).not.toBeInTheDocument();
});

test('another account logging in does not get the draft', async () => {
  const fake = installFakeAurora();
  fake.addUser(BOB);
  const { user } = await expireWhileEditing(fake);

  await logIn(user, BOB);

  await waitFor(() => expect(usernameInput()).toHaveValue(BOB.username));
  expect(emailInput()).toHaveValue(BOB.email);
  expect(screen.queryByText(RESTORED_NOTE)).not.toBeInTheDocument();
});

test('a manual log-out throws the draft away, so it never comes back', async () => {
  const fake = installFakeAurora();
  fake.addUser(BOB);
  const { user } = await expireWhileEditing(fake);
  await logIn(user, BOB);
  await waitFor(() => expect(usernameInput()).toHaveValue(BOB.username));

  await user.click(screen.getByRole('button', { name: 'Log out' }));
  await screen.findByRole('heading', { name: 'Log in' });

  expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  await logIn(user, ADA);
  await waitFor(() => expect(usernameInput()).toHaveValue(ADA.username));
  expect(emailInput()).toHaveValue(ADA.email);
  expect(screen.queryByText(RESTORED_NOTE)).not.toBeInTheDocument();
});

test('keepProfileDraft stores only the account, username and email', () => {
  const withPassword = { ...EDITS, password: NEW_PASSWORD, currentPassword: ADA.password };

  keepProfileDraft(ADA.username, withPassword);

  expect(JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null')).toEqual({
    account: ADA.username,
    ...EDITS,
  });
});

test('readProfileDraft gives the draft to its own account only', () => {
  keepProfileDraft(ADA.username, EDITS);

  expect(readProfileDraft(BOB.username)).toBeNull();
  expect(readProfileDraft(ADA.username)).toEqual(EDITS);
});

test('a damaged or missing draft is no draft', () => {
  expect(readProfileDraft(ADA.username)).toBeNull();
  sessionStorage.setItem(DRAFT_KEY, '{not json');
  expect(readProfileDraft(ADA.username)).toBeNull();
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ account: ADA.username, username: 7 }));
  expect(readProfileDraft(ADA.username)).toBeNull();
});

test('discardProfileDraft removes it', () => {
  keepProfileDraft(ADA.username, EDITS);

  discardProfileDraft();

  expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  expect(readProfileDraft(ADA.username)).toBeNull();
});
