import { expect, test, vi } from 'vitest';
import { MemoryStorage } from '../test/memory-storage';
import { closeAfterTest, uniqueChannelName } from '../test/render-app';
import { createSessionStore, type SessionStoreOptions } from './session-store';

const KEY = 'aurora.session';

function makeStore(options: SessionStoreOptions = {}) {
  return closeAfterTest(createSessionStore({ channelName: uniqueChannelName(), ...options }));
}

test('without a stored token the store starts anonymous', () => {
  const store = makeStore();

  expect(store.getState()).toEqual({ status: 'anonymous', endReason: null });
});

test('a token stored by an earlier visit is picked up, the tab’s own first', () => {
  localStorage.setItem(KEY, 'tok-remembered');
  expect(makeStore().getState()).toEqual({ status: 'authenticated', token: 'tok-remembered' });

  sessionStorage.setItem(KEY, 'tok-this-tab');
  expect(makeStore().getState()).toEqual({ status: 'authenticated', token: 'tok-this-tab' });
});

test('starting with Remember me stores the token in localStorage only and tells listeners', () => {
  const store = makeStore();
  const listener = vi.fn();
  store.subscribe(listener);

  store.start('tok-1', { remember: true });

  expect(store.getState()).toEqual({ status: 'authenticated', token: 'tok-1' });
  expect(localStorage.getItem(KEY)).toBe('tok-1');
  expect(sessionStorage.getItem(KEY)).toBeNull();
  expect(listener).toHaveBeenCalledOnce();
});

test('starting without Remember me stores the token in sessionStorage only', () => {
  localStorage.setItem(KEY, 'tok-old');
  const store = makeStore();

  store.start('tok-2', { remember: false });

  expect(store.getState()).toEqual({ status: 'authenticated', token: 'tok-2' });
  expect(sessionStorage.getItem(KEY)).toBe('tok-2');
  expect(localStorage.getItem(KEY)).toBeNull();
});

test('ending clears both storages, calls onEnd before listeners, and keeps the reason', () => {
  const order: string[] = [];
  const store = makeStore({ onEnd: (reason) => order.push(`onEnd:${reason}`) });
  store.start('tok-1', { remember: true });
  sessionStorage.setItem(KEY, 'tok-stray');
  store.subscribe(() => order.push(`listener:${store.getState().status}`));

  store.end('expired');

  expect(store.getState()).toEqual({ status: 'anonymous', endReason: 'expired' });
  expect(localStorage.getItem(KEY)).toBeNull();
  expect(sessionStorage.getItem(KEY)).toBeNull();
  expect(order).toEqual(['onEnd:expired', 'listener:anonymous']);
});

test('ending without a session changes nothing', () => {
  const onEnd = vi.fn();
  const store = makeStore({ onEnd });
  const listener = vi.fn();
  store.subscribe(listener);

  store.end('logged-out');

  expect(store.getState()).toEqual({ status: 'anonymous', endReason: null });
  expect(onEnd).not.toHaveBeenCalled();
  expect(listener).not.toHaveBeenCalled();
});

test('starting over a session ends the old one first (onEnd), then holds the new token', () => {
  const onEnd = vi.fn();
  const store = makeStore({ onEnd });
  store.start('tok-a', { remember: false });
  expect(onEnd).not.toHaveBeenCalled();

  store.start('tok-b', { remember: true });

  expect(onEnd).toHaveBeenCalledExactlyOnceWith('logged-out');
  expect(store.getState()).toEqual({ status: 'authenticated', token: 'tok-b' });
  expect(localStorage.getItem(KEY)).toBe('tok-b');
  expect(sessionStorage.getItem(KEY)).toBeNull();
});

test('an unsubscribed listener hears nothing more', () => {
  const store = makeStore();
  const listener = vi.fn();
  const unsubscribe = store.subscribe(listener);

  unsubscribe();
  store.start('tok-1', { remember: false });

  expect(listener).not.toHaveBeenCalled();
});

test('with storage disabled the session still lives in memory', () => {
  const broken = new MemoryStorage(true);
  const store = makeStore({ local: broken, session: broken });

  expect(store.getState()).toEqual({ status: 'anonymous', endReason: null });
  store.start('tok-1', { remember: true });
  expect(store.getState()).toEqual({ status: 'authenticated', token: 'tok-1' });
  store.end('logged-out');
  expect(store.getState()).toEqual({ status: 'anonymous', endReason: 'logged-out' });
});

test('a log-in in one tab is followed by another tab on the same channel', async () => {
  const channelName = uniqueChannelName();
  const otherTabSession = new MemoryStorage();
  const thisTab = makeStore({ channelName });
  const otherTab = makeStore({ channelName, session: otherTabSession });
  const otherListener = vi.fn();
  otherTab.subscribe(otherListener);

  thisTab.start('tok-1', { remember: false });

  await vi.waitFor(() =>
    expect(otherTab.getState()).toEqual({ status: 'authenticated', token: 'tok-1' }),
  );
  expect(otherListener).toHaveBeenCalled();
  expect(otherTabSession.getItem(KEY)).toBe('tok-1');
});

test('a log-out in one tab ends the session in another, whose reason is other-tab', async () => {
  const channelName = uniqueChannelName();
  const otherOnEnd = vi.fn();
  localStorage.setItem(KEY, 'tok-1');
  const thisTab = makeStore({ channelName });
  const otherTab = makeStore({ channelName, onEnd: otherOnEnd });
  expect(otherTab.getState()).toEqual({ status: 'authenticated', token: 'tok-1' });

  thisTab.end('logged-out');

  await vi.waitFor(() =>
    expect(otherTab.getState()).toEqual({ status: 'anonymous', endReason: 'other-tab' }),
  );
  expect(otherOnEnd).toHaveBeenCalledExactlyOnceWith('other-tab');
  expect(thisTab.getState()).toEqual({ status: 'anonymous', endReason: 'logged-out' });
});

test('a log-in as someone else in one tab replaces the session in another, clearing its data', async () => {
  const channelName = uniqueChannelName();
  const otherOnEnd = vi.fn();
  const thisTab = makeStore({ channelName });
  const otherTab = makeStore({ channelName, session: new MemoryStorage(), onEnd: otherOnEnd });
  otherTab.start('tok-old', { remember: false });
  await Promise.resolve();

  thisTab.start('tok-new', { remember: true });

  await vi.waitFor(() =>
    expect(otherTab.getState()).toEqual({ status: 'authenticated', token: 'tok-new' }),
  );
  expect(otherOnEnd).toHaveBeenCalledExactlyOnceWith('other-tab');
});

test('stores on other channels, or closed ones, do not follow', async () => {
  const channelName = uniqueChannelName();
  const thisTab = makeStore({ channelName });
  const elsewhere = makeStore({ session: new MemoryStorage(), local: new MemoryStorage() });
  const closed = makeStore({
    channelName,
    session: new MemoryStorage(),
    local: new MemoryStorage(),
  });
  const follower = makeStore({ channelName, session: new MemoryStorage() });
  closed.close();

  thisTab.start('tok-1', { remember: false });

  // The follower proves the message went out; the others must still be anonymous then.
  await vi.waitFor(() => expect(follower.getState().status).toBe('authenticated'));
  expect(elsewhere.getState()).toEqual({ status: 'anonymous', endReason: null });
  expect(closed.getState()).toEqual({ status: 'anonymous', endReason: null });
});
