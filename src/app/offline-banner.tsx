import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Says so while the browser is offline; requests wait meanwhile (TanStack Query pauses them). */
export function OfflineBanner() {
  // Prerendered pages assume online; the browser corrects it once the page is live.
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  return (
    <div className="offline-region" aria-live="polite">
      {online ? null : (
        <p className="offline-banner">
          You’re offline. We’ll carry on when the connection is back.
        </p>
      )}
    </div>
  );
}
