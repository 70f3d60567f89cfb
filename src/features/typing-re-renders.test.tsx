/**
 * Typing in a field re-renders that field and nothing else: not the form around it, not
 * the other fields. The forms use react-hook-form's uncontrolled inputs, and each piece
 * of form state (a field's error, the error summary, "has unsaved changes") is read by
 * the part that shows it.
 *
 * Counted here: renders of the form components (each render of one calls `useForm`) and
 * of each field (every input is a `Field`, named by `register`).
 */
import { act, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { installFakeAurora } from '../test/fake-aurora';
import { renderApp } from '../test/render-app';
import type { FieldProps } from '../ui/field';

const renders = vi.hoisted(() => ({ forms: 0, fields: [] as string[] }));

vi.mock('react-hook-form', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react-hook-form')>();
  const useForm: typeof actual.useForm = (...args) => {
    renders.forms += 1;
    return actual.useForm(...args);
  };
  return { ...actual, useForm };
});

vi.mock('../ui/field', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../ui/field')>();
  function Field(props: FieldProps) {
    renders.fields.push(props.name ?? '(no name)');
    return <actual.Field {...props} />;
  }
  return { ...actual, Field };
});

type User = ReturnType<typeof renderApp>['user'];

/** Types into one field and returns what re-rendered meanwhile. */
async function rendersWhileTyping(user: User, input: HTMLElement, text: string) {
  // Focus first, and let what leaving the previous field starts (its validation, which
  // is asynchronous) finish: a blur is not typing.
  await user.click(input);
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  renders.forms = 0;
  renders.fields = [];
  await user.type(input, text, { skipClick: true });
  return { forms: renders.forms, fields: new Set(renders.fields) };
}

/** `alsoChecked`: fields validated against this one, whose errors may change with it. */
async function expectOnlyItselfReRenders(
  user: User,
  name: string,
  input: HTMLElement,
  alsoChecked: string[] = [],
) {
  const rendered = await rendersWhileTyping(user, input, 'x1');
  expect(rendered.forms, `forms re-rendered while typing in ${name}`).toBe(0);
  const allowed = new Set([name, ...alsoChecked]);
  expect([...rendered.fields].filter((field) => !allowed.has(field))).toEqual([]);
}

const input = (label: string) => screen.getByLabelText(label, { exact: true });

test('log-in: typing in a field re-renders only that field', async () => {
  installFakeAurora();
  const { user } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });

  await expectOnlyItselfReRenders(user, 'username', input('Username'));
  await expectOnlyItselfReRenders(user, 'password', input('Password'));
});

test('sign-up: typing in a field re-renders only that field, also while errors show', async () => {
  installFakeAurora();
  const { user } = renderApp('/signup');
  await screen.findByRole('heading', { name: 'Create your account' });

  const fields = {
    username: input('Username'),
    email: input('Email'),
    password: input('Password'),
    confirmPassword: input('Confirm password'),
  };
  for (const [name, element] of Object.entries(fields)) {
    await expectOnlyItselfReRenders(user, name, element);
  }

  // After a failed submit every field is validated as it changes; fixing one re-renders
  // that field (its error goes), still not the form or the others.
  for (const element of Object.values(fields)) await user.clear(element);
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
  await screen.findByText(/There are problems with \d fields/);
  const rendered = await rendersWhileTyping(user, fields.username, 'grace');
  expect(rendered.forms).toBe(0);
  expect([...rendered.fields]).toEqual(['username']);
  expect(fields.username).not.toHaveAttribute('aria-invalid');
  expect(fields.email).toHaveAttribute('aria-invalid', 'true');
});

test('profile: typing in a field re-renders only that field', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser({
    username: 'ada',
    email: 'ada@example.com',
    password: 'correct-horse-battery',
  });
  const { user } = renderApp('/profile', { session: { token, remember: false } });
  expect(await screen.findByRole('textbox', { name: 'Username' })).toHaveValue('ada');

  await expectOnlyItselfReRenders(user, 'username', input('Username'));
  await expectOnlyItselfReRenders(user, 'email', input('Email'));
  await expectOnlyItselfReRenders(user, 'newPassword', input('New password'));
  await expectOnlyItselfReRenders(user, 'confirmNewPassword', input('Confirm new password'));
  await expectOnlyItselfReRenders(user, 'currentPassword', input('Current password'));

  // After a failed save every field is validated as it changes, and Confirm new password
  // is checked against New password, so it may re-render with it: still not the form.
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await screen.findByRole('alert');
  await expectOnlyItselfReRenders(user, 'newPassword', input('New password'), [
    'confirmNewPassword',
  ]);
  await expectOnlyItselfReRenders(user, 'username', input('Username'));
});
