import '@tanstack/react-query';

declare module '@tanstack/react-query' {
  interface Register {
    /** `authenticated`: the request carried the session's token, so a 401 ends the session. */
    queryMeta: { authenticated?: boolean };
    mutationMeta: { authenticated?: boolean };
  }
}
