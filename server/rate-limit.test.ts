import { expect, test } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

function limiter(limit: number) {
  const clock = { now: 0 };
  return { clock, limiter: createRateLimiter({ limit, windowMs: 60_000, now: () => clock.now }) };
}

test('allows `limit` attempts per key in a window, then says when to retry', () => {
  const { clock, limiter: limit } = limiter(3);
  for (let i = 0; i < 3; i++) {
    expect(limit.attempt('a').allowed).toBe(true);
    clock.now += 10_000;
  }
  // Attempts at 0, 10 s and 20 s; now 30 s: the first leaves the window at 60 s.
  expect(limit.attempt('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
  expect(limit.attempt('b').allowed).toBe(true);
  clock.now = 59_999;
  expect(limit.attempt('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  clock.now = 60_000;
  expect(limit.attempt('a').allowed).toBe(true);
  expect(limit.attempt('a').allowed).toBe(false);
});

test('the window slides: a burst at the end of one minute counts in the next', () => {
  const { clock, limiter: limit } = limiter(2);
  clock.now = 59_000;
  expect(limit.attempt('k').allowed).toBe(true);
  expect(limit.attempt('k').allowed).toBe(true);
  clock.now = 61_000;
  expect(limit.attempt('k').allowed).toBe(false);
});

test('a refunded attempt does not count, and refunding twice changes nothing', () => {
  const { limiter: limit } = limiter(2);
  const first = limit.attempt('k');
  if (!first.allowed) throw new Error('expected the first attempt to be allowed');
  first.refund();
  first.refund();
  expect(limit.attempt('k').allowed).toBe(true);
  expect(limit.attempt('k').allowed).toBe(true);
  expect(limit.attempt('k').allowed).toBe(false);
});

test('a limit must be a positive whole number', () => {
  expect(() => createRateLimiter({ limit: 0, windowMs: 1 })).toThrow(RangeError);
  expect(() => createRateLimiter({ limit: 1.5, windowMs: 1 })).toThrow(RangeError);
});
