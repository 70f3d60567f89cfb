import { useCallback, useEffect, useState } from 'react';

/**
 * Seconds left until a moment, ticking once a second. `start(seconds)` begins a new
 * wait; it reads 0 when there is nothing to wait for. `onEnd` is called when a wait is
 * over (at once for a wait of 0 seconds); keep it stable (useCallback).
 */
export function useCountdown(
  onEnd: () => void,
): [secondsLeft: number, start: (seconds: number) => void] {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);

  useEffect(() => {
    if (endsAt === null) return;
    // Checked four times a second so the number changes on time; it only re-renders
    // when the whole seconds left change.
    const timer = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) {
        setEndsAt(null);
        onEnd();
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [endsAt, onEnd]);

  const start = useCallback(
    (seconds: number) => {
      setSecondsLeft(Math.max(0, seconds));
      if (seconds > 0) {
        setEndsAt(Date.now() + seconds * 1000);
      } else {
        setEndsAt(null);
        onEnd();
      }
    },
    [onEnd],
  );

  return [secondsLeft, start];
}
