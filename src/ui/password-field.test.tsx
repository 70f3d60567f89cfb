import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULES } from '../shared/field-rules';
import { installFakeAurora } from '../test/fake-aurora';
import { renderApp } from '../test/render-app';
import { PasswordField } from './password-field';

const CAPS_LOCK_WARNING = 'Caps Lock is on.';

function renderPasswordField(props: Partial<Parameters<typeof PasswordField>[0]> = {}) {
  const user = userEvent.setup({ delay: null });
  render(
    <>
      <PasswordField id="secret" label="Password" {...props} />
      <button type="button">Elsewhere</button>
    </>,
  );
  return { user, input: screen.getByLabelText('Password', { exact: true }) };
}

/** A keydown as a browser sends it while Caps Lock is on (or off). */
function pressKey(input: HTMLElement, { capsLock }: { capsLock: boolean }) {
  fireEvent(
    input,
    new KeyboardEvent('keydown', { key: 'A', bubbles: true, modifierCapsLock: capsLock }),
  );
}

test('a key pressed with Caps Lock on shows a warning while the field has focus', async () => {
  const { user, input } = renderPasswordField();
  await user.click(input);
  expect(screen.queryByText(CAPS_LOCK_WARNING)).not.toBeInTheDocument();

  pressKey(input, { capsLock: true });

  const warning = screen.getByRole('status');
  expect(warning).toHaveTextContent(CAPS_LOCK_WARNING);
  expect(input).toHaveFocus();
});

test('the warning goes when the field loses focus', async () => {
  const { user, input } = renderPasswordField();
  await user.click(input);
  pressKey(input, { capsLock: true });
  expect(screen.getByText(CAPS_LOCK_WARNING)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Elsewhere' }));

  expect(screen.queryByText(CAPS_LOCK_WARNING)).not.toBeInTheDocument();
});

test('the warning goes when Caps Lock is turned off while typing', async () => {
  const { user, input } = renderPasswordField();
  await user.click(input);
  pressKey(input, { capsLock: true });
  expect(screen.getByText(CAPS_LOCK_WARNING)).toBeInTheDocument();

  pressKey(input, { capsLock: false });

  expect(screen.queryByText(CAPS_LOCK_WARNING)).not.toBeInTheDocument();
});

test('toggling Caps Lock with the keyboard shows, then hides, the warning', async () => {
  const { user, input } = renderPasswordField();
  await user.click(input);

  await user.keyboard('{CapsLock}a');
  expect(screen.getByText(CAPS_LOCK_WARNING)).toBeInTheDocument();

  await user.keyboard('{CapsLock}b');
  expect(screen.queryByText(CAPS_LOCK_WARNING)).not.toBeInTheDocument();
  expect(input).toHaveFocus();
});

test('the field’s own key and blur handlers still run', async () => {
  const onKeyDown = vi.fn();
  const onKeyUp = vi.fn();
  const onBlur = vi.fn();
  const { user, input } = renderPasswordField({ onKeyDown, onKeyUp, onBlur });

  await user.click(input);
  await user.keyboard('x');
  await user.click(screen.getByRole('button', { name: 'Elsewhere' }));

  expect(onKeyDown).toHaveBeenCalledTimes(1);
  expect(onKeyUp).toHaveBeenCalledTimes(1);
  expect(onBlur).toHaveBeenCalledTimes(1);
});

test('the warning shows on the real forms too, e.g. the log-in password', async () => {
  installFakeAurora();
  renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });
  const password = screen.getByLabelText('Password', { exact: true });
  password.focus();

  pressKey(password, { capsLock: true });

  expect(screen.getByText(CAPS_LOCK_WARNING)).toBeInTheDocument();
  fireEvent.blur(password);
  expect(screen.queryByText(CAPS_LOCK_WARNING)).not.toBeInTheDocument();
});

test('the password rules for password managers match the shared field rules', () => {
  expect(PASSWORD_RULES).toBe(`minlength: ${PASSWORD_MIN}; maxlength: ${PASSWORD_MAX};`);
  expect(PASSWORD_RULES).toBe('minlength: 8; maxlength: 128;');
});

test('sign-up fields carry autocomplete tokens and the password rules', async () => {
  installFakeAurora();
  renderApp('/signup');
  await screen.findByRole('heading', { name: 'Create your account' });

  expect(screen.getByRole('textbox', { name: 'Username' })).toHaveAttribute(
    'autocomplete',
    'username',
  );
  expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('autocomplete', 'email');
  const password = screen.getByLabelText('Password', { exact: true });
  expect(password).toHaveAttribute('autocomplete', 'new-password');
  expect(password).toHaveAttribute('passwordrules', PASSWORD_RULES);
  expect(password).toHaveAttribute('minlength', String(PASSWORD_MIN));
  expect(password).toHaveAttribute('maxlength', String(PASSWORD_MAX));
  const confirm = screen.getByLabelText('Confirm password', { exact: true });
  expect(confirm).toHaveAttribute('autocomplete', 'new-password');
  expect(confirm).toHaveAttribute('maxlength', String(PASSWORD_MAX));
});

test('profile fields carry autocomplete tokens and the password rules', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser({ username: 'ada', email: 'ada@example.com', password: 'pw-long-1' });
  renderApp('/profile', { session: { token, remember: false } });
  await screen.findByRole('heading', { name: 'Your profile' });

  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveAttribute(
    'autocomplete',
    'username',
  );
  expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('autocomplete', 'email');
  const newPassword = screen.getByLabelText('New password', { exact: true });
  expect(newPassword).toHaveAttribute('autocomplete', 'new-password');
  expect(newPassword).toHaveAttribute('passwordrules', PASSWORD_RULES);
  expect(newPassword).toHaveAttribute('minlength', String(PASSWORD_MIN));
  expect(newPassword).toHaveAttribute('maxlength', String(PASSWORD_MAX));
  const confirm = screen.getByLabelText('Confirm new password', { exact: true });
  expect(confirm).toHaveAttribute('autocomplete', 'new-password');
  expect(confirm).toHaveAttribute('maxlength', String(PASSWORD_MAX));
  const current = screen.getByLabelText('Current password', { exact: true });
  expect(current).toHaveAttribute('autocomplete', 'current-password');
  // An older account's password may be shorter than today's rules: never refuse it.
  expect(current).not.toHaveAttribute('minlength');
  expect(current).not.toHaveAttribute('passwordrules');
});

test('the log-in password asks for the current password, with no rules of its own', async () => {
  installFakeAurora();
  renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  const password = screen.getByLabelText('Password', { exact: true });
  expect(password).toHaveAttribute('autocomplete', 'current-password');
  expect(password).not.toHaveAttribute('minlength');
  expect(password).not.toHaveAttribute('passwordrules');
});
