import { act, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { installFakeAurora } from '../test/fake-aurora';
import { renderApp } from '../test/render-app';
import { OfflineBanner } from './offline-banner';

const OFFLINE = 'You’re offline. We’ll carry on when the connection is back.';
const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse-battery' };

let online = true;

/** What the browser does when the connection drops or returns. */
function goOffline() {
  online = false;
  act(() => void window.dispatchEvent(new Event('offline')));
}
function goOnline() {
  online = true;
  act(() => void window.dispatchEvent(new Event('online')));
}

function stubConnection() {
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
}

afterEach(() => {
  // TanStack Query follows these events too: leave it online for the next test.
  if (!online) goOnline();
});

test('says nothing while online', () => {
  stubConnection();
  render(<OfflineBanner />);

  expect(screen.queryByText(OFFLINE)).not.toBeInTheDocument();
});

test('says so when the connection drops, and hides when it is back', () => {
  stubConnection();
  render(<OfflineBanner />);

  goOffline();
  expect(screen.getByText(OFFLINE)).toBeVisible();

  goOnline();
  expect(screen.queryByText(OFFLINE)).not.toBeInTheDocument();
});

test('shows at once on a page opened while offline', () => {
  stubConnection();
  online = false;
  render(<OfflineBanner />);

  expect(screen.getByText(OFFLINE)).toBeInTheDocument();
});

test('the banner sits in a polite live region that is there from the start', () => {
  stubConnection();
  const { container } = render(<OfflineBanner />);
  // The region exists before the message, so screen readers announce the message.
  const region = container.querySelector('[aria-live="polite"]');
  expect(region).not.toBeNull();

  goOffline();
  expect(region).toContainElement(screen.getByText(OFFLINE));
});

test('on the log-in page, a log-in sent offline waits and completes once back online', async () => {
  stubConnection();
  const fake = installFakeAurora();
  fake.addUser(ADA);
  const { user, router } = renderApp('/login');
  await screen.findByRole('heading', { name: 'Log in' });
  await user.type(screen.getByRole('textbox', { name: 'Username' }), ADA.username);
  await user.type(screen.getByLabelText('Password', { exact: true }), ADA.password);

  goOffline();
  expect(screen.getByText(OFFLINE)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(
    await screen.findByText('You’re offline. We’ll log you in as soon as the connection is back.'),
  ).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(fake.calls).toHaveLength(0);

  goOnline();

  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(screen.queryByText(OFFLINE)).not.toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/profile');
  expect(fake.callsTo('POST /api/v7/login')).toHaveLength(1);
});
