import fc from 'fast-check';
import { expect, test } from 'vitest';
import type * as z from 'zod/mini';
import { ApiError, isApiError, type ApiErrorKind } from './errors';
import { interpretResponse, parseRetryAfter, type RawResponse } from './response';
import { accessTokenResponse, updateResponse, userInfoResponse } from './schemas';
import { anyBody, anyStatus } from './test-arbitraries';

const NOW = Date.parse('2030-01-01T00:00:00Z');

function answer(status: number, body: unknown, retryAfter: string | null = null): RawResponse {
  return { status, body: typeof body === 'string' ? body : JSON.stringify(body), retryAfter };
}

function errorFrom(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('Expected an ApiError');
}

function expectedKind(status: number): ApiErrorKind {
  if (status === 400) return 'invalid-input';
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-response';
}

const schemas: { name: string; schema: z.ZodMiniType<unknown>; fields: string[] | null }[] = [
  { name: 'access token', schema: accessTokenResponse, fields: ['accessToken'] },
  { name: 'user info', schema: userInfoResponse, fields: ['email', 'username'] },
  { name: 'update', schema: updateResponse, fields: null },
];

test.each(schemas)(
  'for any status and body, the $name answer is its typed fields or an ApiError',
  ({ schema, fields }) => {
    fc.assert(
      fc.property(anyStatus, anyBody, (status, body) => {
        let result: unknown;
        try {
          result = interpretResponse({ status, body, retryAfter: null }, schema, NOW);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          const apiError = error as ApiError;
          const kind = status < 300 ? 'bad-response' : expectedKind(status);
          expect(apiError.kind).toBe(kind);
          expect(apiError.status).toBe(status);
          expect(['string', 'undefined']).toContain(typeof apiError.serverMessage);
          return;
        }
        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(300);
        if (fields === null) {
          expect(result).toBeUndefined();
        } else {
          expect(Object.keys(result as object).sort()).toEqual(fields);
          for (const value of Object.values(result as object)) expect(typeof value).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  },
);

test('for any Retry-After text, a 429 gives whole non-negative seconds or none', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.nat().map(String),
        fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
      ),
      (header) => {
        const error = errorFrom(() =>
          interpretResponse(answer(429, '', header), accessTokenResponse, NOW),
        );
        expect(error.kind).toBe('rate-limited');
        const seconds = error.retryAfterSeconds;
        if (seconds !== undefined) {
          expect(Number.isSafeInteger(seconds) && seconds >= 0).toBe(true);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('Retry-After in delta-seconds is read as is', () => {
  expect(parseRetryAfter('0', NOW)).toBe(0);
  expect(parseRetryAfter('120', NOW)).toBe(120);
  expect(parseRetryAfter(' 7 ', NOW)).toBe(7);
});

test('Retry-After as an HTTP-date is counted from now, rounded up, never negative', () => {
  expect(parseRetryAfter('Tue, 01 Jan 2030 00:01:30 GMT', NOW)).toBe(90);
  expect(parseRetryAfter('Tue, 01 Jan 2030 00:01:30 GMT', NOW + 500)).toBe(90);
  expect(parseRetryAfter('Tuesday, 01-Jan-30 00:00:10 GMT', NOW)).toBe(10);
  expect(parseRetryAfter('Tue Jan  1 00:00:20 2030', NOW)).toBe(20);
  expect(parseRetryAfter('Mon, 31 Dec 2029 23:00:00 GMT', NOW)).toBe(0);
});

test('an absent or unreadable Retry-After gives no delay rather than a wrong one', () => {
  for (const header of [null, '', 'soon', '1.5', '-3', '2030-01-01', 'Tue, 99 Jan 2030 GMT']) {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  }
});

test('an opaque redirect (status 0) is a bad response without a status', () => {
  const error = errorFrom(() => interpretResponse(answer(0, ''), userInfoResponse, NOW));
  expect(error.kind).toBe('bad-response');
  expect(error.status).toBeUndefined();
});

test('the server text is kept only when it is a string', () => {
  expect(
    errorFrom(() => interpretResponse(answer(400, { error: 'Bad' }), updateResponse)).serverMessage,
  ).toBe('Bad');
  for (const body of [{ error: 42 }, { error: null }, ['error'], 'error', '<p>error</p>']) {
    const error = errorFrom(() => interpretResponse(answer(400, body), updateResponse));
    expect(error.kind).toBe('invalid-input');
    expect(error.serverMessage).toBeUndefined();
  }
});

test('an empty token is not a token', () => {
  const error = errorFrom(() =>
    interpretResponse(answer(200, { success: true, accessToken: '' }), accessTokenResponse),
  );
  expect(error.kind).toBe('bad-response');
});

test('an update answer may be empty, or lack `success`, but not deny it', () => {
  expect(interpretResponse(answer(200, ''), updateResponse)).toBeUndefined();
  expect(interpretResponse(answer(204, ''), updateResponse)).toBeUndefined();
  expect(interpretResponse(answer(200, {}), updateResponse)).toBeUndefined();
  expect(
    interpretResponse(answer(200, { success: true, note: 1 }), updateResponse),
  ).toBeUndefined();
  for (const body of [{ success: false }, { success: 'true' }, [], 'null', '"ok"', 'OK']) {
    expect(errorFrom(() => interpretResponse(answer(200, body), updateResponse)).kind).toBe(
      'bad-response',
    );
  }
});

test('every message is short and names no part of the answer', () => {
  const secret = 'tok_SECRET_wcdE8dGPZEshG6B8E5uGpgALr5LzwPX5';
  for (const status of [200, 302, 400, 401, 403, 404, 429, 500, 503]) {
    const error = errorFrom(() =>
      interpretResponse(
        answer(status, { error: secret, accessToken: 1 }, '5'),
        accessTokenResponse,
      ),
    );
    expect(error.serverMessage).toBe(secret);
    expect(error.message).not.toContain(secret);
    expect(error.message.length).toBeLessThan(100);
  }
});
