import { lazy } from 'react';

// The profile's content, and all only it needs (the user query, the form library, the
// schemas, the save logic), loads on demand. Log-in and sign-up start loading it as soon
// as their request is sent, so landing on the profile adds no wait.
type ProfileContentModule = typeof import('./profile-content');
let profileContentModule: ProfileContentModule | undefined;
const loadProfileContent = async () => (profileContentModule = await import('./profile-content'));
const LazyProfileContent = lazy(async () => ({
  default: (await loadProfileContent()).ProfileContent,
}));

/** A head start only: if it fails (offline, say), the page loads it, or reports, when shown. */
export function preloadProfileContent(): void {
  loadProfileContent().catch(() => undefined);
}

/** The profile's content from its own chunk; suspends (wrap it in `Suspense`) until here. */
export function ProfileContentOnDemand() {
  // Once preloaded, render it directly: React.lazy would still suspend for a render and
  // show the fallback for a moment before the (already loaded) content.
  const Content = profileContentModule?.ProfileContent ?? LazyProfileContent;
  return <Content />;
}
