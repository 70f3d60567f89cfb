import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { installFakeAurora } from '../test/fake-aurora';
import { renderApp } from '../test/render-app';
import { ErrorSummary } from './error-summary';

const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse-battery' };

test('lists each problem as a link that moves focus to its field', async () => {
  const user = userEvent.setup({ delay: null });
  render(
    <>
      <ErrorSummary
        items={[
          { fieldId: 'name', message: 'Enter a username.' },
          { fieldId: 'mail', message: 'Enter an email address.' },
        ]}
      />
      <label htmlFor="name">Name</label>
      <input id="name" />
      <label htmlFor="mail">Mail</label>
      <input id="mail" />
    </>,
  );

  const summary = await screen.findByRole('alert', { name: 'There are problems with 2 fields:' });
  const links = within(summary).getAllByRole('link');
  expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
    ['Enter a username.', '#name'],
    ['Enter an email address.', '#mail'],
  ]);

  await user.click(within(summary).getByRole('link', { name: 'Enter an email address.' }));
  expect(screen.getByLabelText('Mail')).toHaveFocus();
  // The link only moves focus: the address stays as it was.
  expect(window.location.hash).toBe('');
});

test('one problem is worded in the singular', () => {
  render(<ErrorSummary items={[{ fieldId: 'name', message: 'Enter a username.' }]} />);

  expect(
    screen.getByRole('alert', { name: 'There is a problem with 1 field:' }),
  ).toBeInTheDocument();
});

test('the summary can take focus without joining the tab order', () => {
  render(<ErrorSummary items={[{ fieldId: 'name', message: 'Enter a username.' }]} />);

  expect(screen.getByRole('alert')).toHaveAttribute('tabindex', '-1');
});

async function openSignup() {
  const fake = installFakeAurora();
  const rendered = renderApp('/signup');
  await screen.findByRole('heading', { level: 1, name: 'Create your account' });
  return { fake, ...rendered };
}

test('sign-up: several invalid fields give a focused summary linking to each', async () => {
  const { user, fake } = await openSignup();
  await user.type(screen.getByRole('textbox', { name: 'Email' }), 'not-an-email');

  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  const summary = await screen.findByRole('alert', { name: 'There are problems with 3 fields:' });
  await waitFor(() => expect(summary).toHaveFocus());
  const links = within(summary).getAllByRole('link');
  expect(links.map((link) => link.textContent)).toEqual([
    'Enter a username.',
    'Enter a valid email address, like name@example.com.',
    'Enter a password.',
  ]);

  await user.click(within(summary).getByRole('link', { name: 'Enter a password.' }));
  expect(screen.getByLabelText('Password', { exact: true })).toHaveFocus();
  await user.click(within(summary).getByRole('link', { name: /valid email address/ }));
  expect(screen.getByRole('textbox', { name: 'Email' })).toHaveFocus();
  expect(fake.calls).toHaveLength(0);
});

test('sign-up: a single invalid field gets the focus itself and no summary shows', async () => {
  const { user, fake } = await openSignup();
  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'grace');
  await user.type(screen.getByRole('textbox', { name: 'Email' }), 'grace@example.com');
  await user.type(screen.getByLabelText('Password', { exact: true }), 'compilers-4-all');
  await user.type(screen.getByLabelText('Confirm password', { exact: true }), 'compilers-4-al');

  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  const confirm = screen.getByLabelText('Confirm password', { exact: true });
  await waitFor(() => expect(confirm).toHaveFocus());
  expect(confirm).toHaveAccessibleDescription(
    'The passwords don’t match. Type the same password twice.',
  );
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(fake.calls).toHaveLength(0);
});

test('sign-up: the summary follows the fixes and goes once the form is sent', async () => {
  const { user, fake } = await openSignup();
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
  const first = await screen.findByRole('alert', { name: 'There are problems with 3 fields:' });
  await waitFor(() => expect(first).toHaveFocus());

  await user.type(screen.getByRole('textbox', { name: 'Username' }), 'grace');
  // Fields re-check as they change, and the summary lists what is still wrong.
  const summary = await screen.findByRole('alert', { name: 'There are problems with 2 fields:' });
  expect(
    within(summary)
      .getAllByRole('link')
      .map((link) => link.textContent),
  ).toEqual(['Enter an email address.', 'Enter a password.']);

  await user.type(screen.getByRole('textbox', { name: 'Email' }), 'grace@example.com');
  await user.type(screen.getByLabelText('Password', { exact: true }), 'compilers-4-all');
  await user.type(screen.getByLabelText('Confirm password', { exact: true }), 'compilers-4-all');
  await user.click(screen.getByRole('button', { name: 'Sign up' }));

  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(screen.queryByText(/There (are problems|is a problem)/)).not.toBeInTheDocument();
  expect(fake.callsTo('POST /api/v7/signup')).toHaveLength(1);
});

test('profile: several invalid fields give a focused summary; one gets the focus itself', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const { user } = renderApp('/profile', { session: { token, remember: false } });
  const username = await screen.findByRole('textbox', { name: 'Username' });

  await user.clear(username);
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  const summary = await screen.findByRole('alert', { name: 'There are problems with 2 fields:' });
  await waitFor(() => expect(summary).toHaveFocus());
  expect(
    within(summary)
      .getAllByRole('link')
      .map((link) => link.textContent),
  ).toEqual(['Enter a username.', 'Enter your current password to save changes.']);
  await user.click(
    within(summary).getByRole('link', { name: 'Enter your current password to save changes.' }),
  );
  expect(screen.getByLabelText('Current password', { exact: true })).toHaveFocus();

  await user.type(username, 'ada');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  await waitFor(() =>
    expect(screen.getByLabelText('Current password', { exact: true })).toHaveFocus(),
  );
  expect(screen.queryByText(/There (are problems|is a problem)/)).not.toBeInTheDocument();
  expect(fake.callsTo('PUT /api/v7/user/info')).toHaveLength(0);
});
