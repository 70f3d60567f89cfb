import { expect, test } from 'vitest';
import { ApiError } from '../api';
import { closeAfterTest, uniqueChannelName } from '../test/render-app';
import { createAppState } from './create-app-state';

function loggedInAppState() {
  sessionStorage.setItem('aurora.session', 'tok-1');
  const state = createAppState({ channelName: uniqueChannelName() });
  closeAfterTest(state.sessionStore);
  state.queryClient.setQueryData(['user-info'], { username: 'ada', email: 'ada@example.com' });
  return state;
}

const refused = () => Promise.reject(new ApiError('unauthorized', { status: 401 }));

test('a 401 on an authenticated query ends the session as expired and empties the cache', async () => {
  const { queryClient, sessionStore } = loggedInAppState();

  await expect(
    queryClient.fetchQuery({
      queryKey: ['something'],
      queryFn: refused,
      meta: { authenticated: true },
      retry: false,
    }),
  ).rejects.toBeInstanceOf(ApiError);

  expect(sessionStore.getState()).toEqual({ status: 'anonymous', endReason: 'expired' });
  expect(queryClient.getQueryData(['user-info'])).toBeUndefined();
  expect(sessionStorage.getItem('aurora.session')).toBeNull();
});

test('a 401 on an authenticated mutation ends the session as expired', async () => {
  const { queryClient, sessionStore } = loggedInAppState();
  const mutation = queryClient
    .getMutationCache()
    .build(queryClient, { mutationFn: refused, meta: { authenticated: true } });

  await expect(mutation.execute(undefined)).rejects.toBeInstanceOf(ApiError);

  expect(sessionStore.getState()).toEqual({ status: 'anonymous', endReason: 'expired' });
  expect(queryClient.getQueryData(['user-info'])).toBeUndefined();
});

test('a 401 on a request without the token (a wrong log-in) keeps the session and its data', async () => {
  const { queryClient, sessionStore } = loggedInAppState();
  const mutation = queryClient.getMutationCache().build(queryClient, { mutationFn: refused });

  await expect(mutation.execute(undefined)).rejects.toBeInstanceOf(ApiError);

  expect(sessionStore.getState()).toEqual({ status: 'authenticated', token: 'tok-1' });
  expect(queryClient.getQueryData(['user-info'])).toEqual({
    username: 'ada',
    email: 'ada@example.com',
  });
});

test('logging out empties the cache, so the next account never sees this one’s data', () => {
  const { queryClient, sessionStore } = loggedInAppState();

  sessionStore.end('logged-out');

  expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  expect(sessionStore.getState()).toEqual({ status: 'anonymous', endReason: 'logged-out' });
});

test('logging in as someone else over a session empties the cache too', () => {
  const { queryClient, sessionStore } = loggedInAppState();

  sessionStore.start('tok-2', { remember: false });

  expect(queryClient.getQueryData(['user-info'])).toBeUndefined();
  expect(sessionStore.getState()).toEqual({ status: 'authenticated', token: 'tok-2' });
});
