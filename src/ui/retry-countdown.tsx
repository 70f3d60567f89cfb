import { useState } from 'react';

interface RetryCountdownProps {
  id: string;
  secondsLeft: number;
}

/**
 * "Try again in N s" beside a submit button that is waiting out a rate limit. It ticks
 * every second for the eye only: the form's alert announced the wait once, and the
 * button points here with `aria-describedby`, so screen readers are not told every tick.
 * When the wait is over they are told so, politely.
 */
export function RetryCountdown({ id, secondsLeft }: RetryCountdownProps) {
  const [hasWaited, setHasWaited] = useState(false);
  if (secondsLeft > 0 && !hasWaited) setHasWaited(true);

  return (
    <>
      {secondsLeft > 0 ? (
        <p className="countdown" id={id} aria-hidden="true">
          Try again in {secondsLeft} s
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {hasWaited && secondsLeft === 0 ? 'You can try again now.' : ''}
      </p>
    </>
  );
}
