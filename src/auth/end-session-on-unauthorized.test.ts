import { expect, test, vi } from 'vitest';
import { ApiError, type ApiErrorKind } from '../api';
import { endSessionOnUnauthorized } from './end-session-on-unauthorized';
import type { SessionStore } from './session-store';

function fakeStore() {
  const end = vi.fn<SessionStore['end']>();
  const store: SessionStore = {
    getState: () => ({ status: 'authenticated', token: 'tok' }),
    subscribe: () => () => undefined,
    start: vi.fn(),
    end,
    close: vi.fn(),
  };
  return { store, end };
}

test('a 401 on an authenticated request ends the session as expired', () => {
  const { store, end } = fakeStore();

  endSessionOnUnauthorized(store)(new ApiError('unauthorized', { status: 401 }), {
    authenticated: true,
  });

  expect(end).toHaveBeenCalledExactlyOnceWith('expired');
});

test('a 401 on an unauthenticated request (a wrong log-in) leaves the session alone', () => {
  const { store, end } = fakeStore();
  const handle = endSessionOnUnauthorized(store);

  handle(new ApiError('unauthorized', { status: 401 }), undefined);
  handle(new ApiError('unauthorized', { status: 401 }), {});
  handle(new ApiError('unauthorized', { status: 401 }), { authenticated: false });

  expect(end).not.toHaveBeenCalled();
});

test.each<ApiErrorKind>([
  'invalid-input',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'bad-response',
])('a %s failure of an authenticated request leaves the session alone', (kind) => {
  const { store, end } = fakeStore();

  endSessionOnUnauthorized(store)(new ApiError(kind), { authenticated: true });

  expect(end).not.toHaveBeenCalled();
});

test('an error that only looks like an API error leaves the session alone', () => {
  const { store, end } = fakeStore();
  const handle = endSessionOnUnauthorized(store);

  handle({ kind: 'unauthorized', status: 401 }, { authenticated: true });
  handle(new Error('unauthorized'), { authenticated: true });

  expect(end).not.toHaveBeenCalled();
});
