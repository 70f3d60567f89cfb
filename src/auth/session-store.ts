/**
 * Where the access token lives, and the one place a session starts or ends.
 *
 * "Remember me" keeps the token in localStorage (it survives a browser restart);
 * otherwise sessionStorage (it ends with the tab). A BroadcastChannel tells the other
 * tabs of this origin when a session starts or ends, so they follow.
 *
 * Nothing outside src/auth reads the token from storage.
 */

const STORAGE_KEY = 'aurora.session';
const CHANNEL_NAME = 'aurora.session';

/** Why the last session ended; the log-in page explains it. */
export type SessionEndReason = 'logged-out' | 'expired' | 'other-tab';

export type SessionState =
  | { status: 'authenticated'; token: string }
  | { status: 'anonymous'; endReason: SessionEndReason | null };

type ChannelMessage = { type: 'started'; token: string; remember: boolean } | { type: 'ended' };

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  start(token: string, options: { remember: boolean }): void;
  end(reason: SessionEndReason): void;
  /** Stops listening to other tabs (tests, hot reload). */
  close(): void;
}

export interface SessionStoreOptions {
  local?: Storage;
  session?: Storage;
  /** Called synchronously whenever a session ends, before anyone is told. */
  onEnd?: (reason: SessionEndReason) => void;
  channelName?: string;
}

function readToken(storage: Storage): string | null {
  try {
    const token = storage.getItem(STORAGE_KEY);
    return token ? token : null;
  } catch {
    // Storage can throw when disabled by the browser; treat as no session.
    return null;
  }
}

function writeToken(storage: Storage, token: string | null): void {
  try {
    if (token === null) storage.removeItem(STORAGE_KEY);
    else storage.setItem(STORAGE_KEY, token);
  } catch {
    // Without storage the session still lives in memory for this tab.
  }
}

export function createSessionStore({
  local = window.localStorage,
  session = window.sessionStorage,
  onEnd,
  channelName = CHANNEL_NAME,
}: SessionStoreOptions = {}): SessionStore {
  const initialToken = readToken(session) ?? readToken(local);
  let state: SessionState = initialToken
    ? { status: 'authenticated', token: initialToken }
    : { status: 'anonymous', endReason: null };
  const listeners = new Set<() => void>();
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName);

  function setState(next: SessionState) {
    state = next;
    listeners.forEach((listener) => listener());
  }

  function store(token: string, remember: boolean) {
    writeToken(remember ? local : session, token);
    writeToken(remember ? session : local, null);
  }

  function endLocally(reason: SessionEndReason) {
    writeToken(local, null);
    writeToken(session, null);
    onEnd?.(reason);
    setState({ status: 'anonymous', endReason: reason });
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      const message = event.data;
      if (message.type === 'started') {
        // Another tab logged in; this one joins the session rather than keeping an old one.
        if (state.status === 'authenticated' && state.token === message.token) return;
        if (state.status === 'authenticated') onEnd?.('other-tab');
        store(message.token, message.remember);
        setState({ status: 'authenticated', token: message.token });
      } else if (state.status === 'authenticated') {
        endLocally('other-tab');
      }
    };
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(token, { remember }) {
      if (state.status === 'authenticated') onEnd?.('logged-out');
      store(token, remember);
      setState({ status: 'authenticated', token });
      channel?.postMessage({ type: 'started', token, remember } satisfies ChannelMessage);
    },
    end(reason) {
      if (state.status !== 'authenticated') return;
      endLocally(reason);
      channel?.postMessage({ type: 'ended' } satisfies ChannelMessage);
    },
    close() {
      channel?.close();
      listeners.clear();
    },
  };
}
