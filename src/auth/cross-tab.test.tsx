import { screen, waitFor, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { installFakeAurora } from '../test/fake-aurora';
import { closeAfterTest, renderApp, storedToken, uniqueChannelName } from '../test/render-app';
import { createSessionStore, type SessionEndReason } from './session-store';

const ADA = { username: 'ada', email: 'ada@example.com', password: 'correct-horse-battery' };
const OTHER_TAB = 'You signed out in another tab.';

/**
 * Two tabs of one browser: two whole apps on one BroadcastChannel. Each render adds its
 * own container to the body, in order, so the first container is the first tab.
 */
function renderTwoTabs(path: string, session?: { token: string; remember: boolean }) {
  const channelName = uniqueChannelName();
  const first = renderApp(path, { channelName, ...(session ? { session } : {}) });
  const second = renderApp(path, { channelName });
  const [firstContainer, secondContainer] = Array.from(document.body.children) as HTMLElement[];
  if (!firstContainer || !secondContainer) throw new Error('expected two rendered tabs');
  return {
    first: { ...first, view: within(firstContainer) },
    second: { ...second, view: within(secondContainer) },
  };
}

test('logging out in one tab shows "You signed out in another tab." in the other', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const { first, second } = renderTwoTabs('/profile', { token, remember: true });
  await first.view.findByDisplayValue(ADA.email);
  await second.view.findByDisplayValue(ADA.email);

  await first.user.click(first.view.getByRole('button', { name: 'Log out' }));

  expect(await second.view.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  expect(second.view.getByRole('status')).toHaveTextContent(OTHER_TAB);
  expect(second.router.state.location.pathname).toBe('/login');
  expect(second.view.queryByDisplayValue(ADA.email)).not.toBeInTheDocument();
  // The tab where the user pressed Log out knows why and says nothing about another tab.
  expect(first.router.state.location.pathname).toBe('/login');
  expect(first.view.queryByText(OTHER_TAB)).not.toBeInTheDocument();
  expect(storedToken(localStorage)).toBeNull();
  expect(storedToken(sessionStorage)).toBeNull();
  // Neither tab keeps the account's data once signed out.
  expect(first.queryClient.getQueryData(['user-info'])).toBeUndefined();
  expect(second.queryClient.getQueryData(['user-info'])).toBeUndefined();
});

test('the notice goes once the user logs in again from that tab, and the other tab follows', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const channelName = uniqueChannelName();
  const { user } = renderApp('/profile', { session: { token, remember: true }, channelName });
  await screen.findByDisplayValue(ADA.email);
  const otherTab = closeAfterTest(createSessionStore({ channelName }));
  otherTab.end('logged-out');
  await screen.findByText(OTHER_TAB);

  await user.type(screen.getByRole('textbox', { name: 'Username' }), ADA.username);
  await user.type(screen.getByLabelText('Password', { exact: true }), ADA.password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));

  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(screen.queryByText(OTHER_TAB)).not.toBeInTheDocument();
  await waitFor(() => expect(otherTab.getState().status).toBe('authenticated'));
});

test('logging in in another tab takes this tab from log-in to the profile', async () => {
  const fake = installFakeAurora();
  const token = fake.addUser(ADA);
  const channelName = uniqueChannelName();
  const { router } = renderApp('/login', { channelName });
  await screen.findByRole('heading', { name: 'Log in' });
  const otherTab = closeAfterTest(createSessionStore({ channelName }));

  otherTab.start(token, { remember: true });

  expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeInTheDocument();
  expect(await screen.findByDisplayValue(ADA.email)).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/profile');
});

test('a session store hears another store on its channel end the session', async () => {
  const channelName = uniqueChannelName();
  localStorage.setItem('aurora.session', 'tok-shared');
  const endings: SessionEndReason[] = [];
  const listening = closeAfterTest(
    createSessionStore({ channelName, onEnd: (reason) => endings.push(reason) }),
  );
  const elsewhere = closeAfterTest(createSessionStore({ channelName: uniqueChannelName() }));
  const other = closeAfterTest(createSessionStore({ channelName }));
  const heard = vi.fn();
  listening.subscribe(heard);
  expect(listening.getState()).toEqual({ status: 'authenticated', token: 'tok-shared' });

  other.end('logged-out');

  await waitFor(() =>
    expect(listening.getState()).toEqual({ status: 'anonymous', endReason: 'other-tab' }),
  );
  expect(endings).toEqual(['other-tab']);
  expect(heard).toHaveBeenCalled();
  expect(other.getState()).toEqual({ status: 'anonymous', endReason: 'logged-out' });
  // A store on another channel (another app, another test) is not told.
  expect(elsewhere.getState()).toEqual({ status: 'authenticated', token: 'tok-shared' });
  expect(localStorage.getItem('aurora.session')).toBeNull();
});

test('a store that is already signed out ignores another tab’s sign-out', async () => {
  const channelName = uniqueChannelName();
  const endings: SessionEndReason[] = [];
  const anonymous = closeAfterTest(
    createSessionStore({ channelName, onEnd: (reason) => endings.push(reason) }),
  );
  localStorage.setItem('aurora.session', 'tok-shared');
  const other = closeAfterTest(createSessionStore({ channelName }));
  const witness = closeAfterTest(createSessionStore({ channelName }));

  other.end('logged-out');
  await waitFor(() =>
    expect(witness.getState()).toEqual({ status: 'anonymous', endReason: 'other-tab' }),
  );

  // Still the plain log-in page, with no notice about another tab.
  expect(anonymous.getState()).toEqual({ status: 'anonymous', endReason: null });
  expect(endings).toEqual([]);
});
