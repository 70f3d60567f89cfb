import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { installFakeAurora } from '../test/fake-aurora';
import { renderApp } from '../test/render-app';

const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse-battery' };

const strengthText = () => screen.queryByText(/^Password strength:/);

async function openSignup() {
  installFakeAurora();
  const rendered = renderApp('/signup');
  await screen.findByRole('heading', { level: 1, name: 'Create your account' });
  return rendered;
}

async function openProfile() {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const rendered = renderApp('/profile', { session: { token, remember: false } });
  await screen.findByRole('heading', { level: 1, name: 'Your profile' });
  await screen.findByRole('textbox', { name: 'Username' });
  return rendered;
}

test('sign-up shows no meter until something is typed in Password', async () => {
  const { user } = await openSignup();

  expect(strengthText()).not.toBeInTheDocument();
  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'grace');
  await user.type(screen.getByLabelText('Confirm password', { exact: true }), 'abc');
  expect(strengthText()).not.toBeInTheDocument();

  await user.type(screen.getByLabelText('Password', { exact: true }), 'a');
  expect(await screen.findByText('Password strength: Too short')).toBeInTheDocument();
  expect(screen.getByText('Use at least 8 characters.')).toBeInTheDocument();
});

test('the sign-up meter follows the password and says in words how to do better', async () => {
  const { user } = await openSignup();
  const password = screen.getByLabelText('Password', { exact: true });

  await user.type(password, 'password1');
  const label = await screen.findByText('Password strength: Weak');
  // Announced politely as it changes, without stealing the field's focus.
  expect(label).toHaveAttribute('aria-live', 'polite');
  expect(password).toHaveFocus();
  expect(
    screen.getByText('Avoid common words and patterns like “password” or “123456”.'),
  ).toBeInTheDocument();

  await user.clear(password);
  await user.type(password, 'Tulip-Orbit-Canoe-58');
  expect(await screen.findByText('Password strength: Strong')).toBeInTheDocument();
  expect(screen.queryByText(/^Avoid|^Use |^Mix |^Don’t/)).not.toBeInTheDocument();
});

test('emptying the password takes the meter away again', async () => {
  const { user } = await openSignup();
  const password = screen.getByLabelText('Password', { exact: true });

  await user.type(password, 'Tulip-Orbit');
  expect(await screen.findByText(/^Password strength:/)).toBeInTheDocument();
  await user.clear(password);

  expect(strengthText()).not.toBeInTheDocument();
});

test('the sign-up meter marks down a password built on the username or email typed', async () => {
  const { user } = await openSignup();

  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'grace');
  await user.type(screen.getByLabelText('Password', { exact: true }), 'Grace-Hopper-1906!');

  expect(await screen.findByText('Password strength: Fair')).toBeInTheDocument();
  expect(
    screen.getByText('Don’t use your username or email in your password.'),
  ).toBeInTheDocument();

  // Changing the username re-rates the same password.
  await user.clear(screen.getByRole('textbox', { name: 'Username' }));
  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'someone');
  expect(await screen.findByText('Password strength: Strong')).toBeInTheDocument();
});

test('the meter sits under Password, not under Confirm password', async () => {
  const { user } = await openSignup();
  await user.type(screen.getByLabelText('Password', { exact: true }), 'Tulip-Orbit');
  const label = await screen.findByText(/^Password strength:/);

  const passwordRow = screen.getByLabelText('Password', { exact: true }).closest('.field');
  const confirmRow = screen.getByLabelText('Confirm password', { exact: true }).closest('.field');
  expect(passwordRow).toContainElement(label);
  expect(confirmRow).not.toContainElement(label);
});

test('on the profile the meter appears under New password only once it is typed in', async () => {
  const { user } = await openProfile();

  expect(strengthText()).not.toBeInTheDocument();
  await user.type(screen.getByLabelText('Current password', { exact: true }), 'whatever');
  await user.type(screen.getByLabelText('Confirm new password', { exact: true }), 'whatever');
  expect(strengthText()).not.toBeInTheDocument();

  const newPassword = screen.getByLabelText('New password', { exact: true });
  await user.type(newPassword, 'ada-lovelace-1815');
  const label = await screen.findByText(/^Password strength:/);
  expect(newPassword.closest('.field')).toContainElement(label);
  // The saved username is in it, and the meter knows.
  const meter = label.closest('.strength');
  expect(meter).not.toBeNull();
  expect(
    within(meter as HTMLElement).getByText('Don’t use your username or email in your password.'),
  ).toBeInTheDocument();
});

test('on the profile a strong new password is rated so', async () => {
  const { user } = await openProfile();

  await user.type(screen.getByLabelText('New password', { exact: true }), 'Tulip-Orbit-Canoe-58');

  expect(await screen.findByText('Password strength: Strong')).toBeInTheDocument();
});
