/// <reference types="vite/client" />

interface ImportMetaEnv {
  /**
   * Where the Aurora users API lives, when not on the app's own origin, e.g.
   * `https://chat-api.aurora-interactive.online:8443`. Unset means same-origin `/api/v7/...`.
   */
  readonly VITE_API_BASE_URL?: string;
}
