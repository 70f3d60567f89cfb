interface RetryCountdownProps {
  id: string;
  secondsLeft: number;
}

/**
 * "Try again in N s" beside a submit button that is waiting out a rate limit. It ticks
 * every second for the eye only: the form's alert announced the wait once, and the
 * button points here with `aria-describedby`, so screen readers are not told every tick.
 */
export function RetryCountdown({ id, secondsLeft }: RetryCountdownProps) {
  if (secondsLeft <= 0) return null;
  return (
    <p className="countdown" id={id} aria-hidden="true">
      Try again in {secondsLeft} s
    </p>
  );
}
