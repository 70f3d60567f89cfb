/**
 * Renders the whole app (providers, router, routes) at a path, as `main.tsx` does, with a
 * memory router and a session channel of its own so tests never hear each other.
 */
import { onlineManager } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLayoutEffect } from 'react';
import { MemoryRouter, useLocation, type Location } from 'react-router';
import { afterEach, vi } from 'vitest';
import { createAppState } from '../app/create-app-state';
import { Providers } from '../app/providers';
import { AppRoutes } from '../app/router';
import type { SessionStore } from '../auth/session-store';
// Loaded up front so the lazily loaded profile content arrives at once in every test.
import '../features/profile/profile-content';

const SESSION_KEY = 'aurora.session';

// A log-in is several requests and a lazily loaded page; on a busy machine that can take
// longer than the default second before `find*` gives up.
configure({ asyncUtilTimeout: 3_000 });

const openStores = new Set<SessionStore>();

afterEach(() => {
  openStores.forEach((store) => store.close());
  openStores.clear();
  vi.useRealTimers();
  // TanStack Query's online state is global; a test that went offline must not leak it.
  onlineManager.setOnline(true);
});

let channelCount = 0;

/** A BroadcastChannel name no other test uses. */
export function uniqueChannelName(): string {
  channelCount += 1;
  return `aurora.session.test-${channelCount}-${Math.random().toString(36).slice(2)}`;
}

/** Keeps a store (made outside `renderApp`) to be closed after the test. */
export function closeAfterTest(store: SessionStore): SessionStore {
  openStores.add(store);
  return store;
}

export interface RenderAppOptions {
  /** A session already stored, as after an earlier visit. */
  session?: { token: string; remember: boolean };
  /** The BroadcastChannel name, to share it with a store standing for another tab. */
  channelName?: string;
}

export function renderApp(
  path: string,
  { session, channelName = uniqueChannelName() }: RenderAppOptions = {},
) {
  if (session) {
    const storage = session.remember ? localStorage : sessionStorage;
    storage.setItem(SESSION_KEY, session.token);
  }
  const { queryClient, sessionStore } = createAppState({ channelName });
  closeAfterTest(sessionStore);
  let location: Location | undefined;
  const router: RouterView = {
    get state() {
      if (!location) throw new Error('The app has not rendered yet');
      return { location };
    },
  };
  // No pauses between keystrokes: quicker, and nothing waits on a (possibly fake) clock.
  const user = userEvent.setup({ delay: null });
  // No StrictMode: its development-only remount cancels and resends the first user-info
  // request, and the tests count requests as a production build sends them.
  render(
    <Providers queryClient={queryClient} sessionStore={sessionStore}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe
          onChange={(current) => {
            location = current;
          }}
        />
      </MemoryRouter>
    </Providers>,
  );
  return { user, router, queryClient, sessionStore };
}

/** Where the app is: the router's own view of the address. */
export interface RouterView {
  readonly state: { readonly location: Location };
}

/** Reports each location the app commits to. */
function LocationProbe({ onChange }: { onChange: (location: Location) => void }) {
  const location = useLocation();
  useLayoutEffect(() => onChange(location), [onChange, location]);
  return null;
}

/** The token stored for the session, where the app keeps it. */
export function storedToken(storage: Storage): string | null {
  return storage.getItem(SESSION_KEY);
}
