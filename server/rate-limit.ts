export type Clock = () => number;

export type Attempt =
  | {
      allowed: true;
      /** Takes this attempt back out of the count (a log-in that turned out right). */
      refund(): void;
    }
  | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts an attempt for `key`, unless `key` already used up its `limit` in the window. */
  attempt(key: string): Attempt;
}

export interface RateLimiterOptions {
  /** Attempts allowed per key in any window; the next one is refused. */
  limit: number;
  windowMs: number;
  now?: Clock;
}

/**
 * A sliding-window log: each key keeps the times of its last `limit` attempts, so the limit
 * holds over any `windowMs` span, not just per calendar minute. Attempts are counted when they
 * start, not when they fail, so a burst of concurrent attempts cannot overshoot the limit while
 * the first ones are still being checked; callers refund the ones that should not count.
 */
export function createRateLimiter({
  limit,
  windowMs,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`Rate limit must be a positive integer, got ${limit}`);
  }
  const attempts = new Map<string, number[]>();
  let lastSweep = now();

  // Forgets keys whose attempts all left the window, at most once per window, so memory is
  // bounded by the keys seen in the last two windows.
  function sweep(time: number): void {
    if (time - lastSweep < windowMs) return;
    lastSweep = time;
    for (const [key, times] of attempts) {
      const newest = times[times.length - 1];
      if (newest === undefined || newest <= time - windowMs) attempts.delete(key);
    }
  }

  return {
    attempt(key) {
      const time = now();
      sweep(time);
      const times = (attempts.get(key) ?? []).filter((t) => t > time - windowMs);
      attempts.set(key, times);
      const oldest = times[0];
      if (times.length >= limit && oldest !== undefined) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - time) / 1000)),
        };
      }
      times.push(time);
      let refunded = false;
      return {
        allowed: true,
        refund() {
          if (refunded) return;
          refunded = true;
          const current = attempts.get(key);
          const index = current?.lastIndexOf(time) ?? -1;
          if (current && index >= 0) current.splice(index, 1);
        },
      };
    },
  };
}
