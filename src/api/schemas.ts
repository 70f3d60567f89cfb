/**
 * The answers of the contract (server/contract/aurora-users-v7.openapi.yaml), checked at run
 * time. Each schema's output is exactly what the caller gets: unknown fields, and `success`
 * once checked, are dropped.
 */
import * as z from 'zod/mini';

// The contract requires `success`, but a server that leaves it out of a 2xx still means
// success; `success: false` on a 2xx contradicts the status and is refused.
const successFlag = z.optional(z.literal(true));

export const accessTokenResponse = z.pipe(
  // An empty token would be stored and then fail every later call with a confusing 401.
  z.object({ success: successFlag, accessToken: z.string().check(z.minLength(1)) }),
  z.transform(({ accessToken }) => ({ accessToken })),
);

export const userInfoResponse = z.pipe(
  z.object({ success: successFlag, username: z.string(), email: z.string() }),
  z.transform(({ username, email }) => ({ username, email })),
);

// The contract says `{ success: true }`; an empty body (or a 204) is accepted too, since the
// status already says the update happened and there is nothing else to read.
export const updateResponse = z.pipe(
  z.optional(z.object({ success: successFlag })),
  z.transform((): void => undefined),
);

/** Any answer, success or not, may say why in `error`. */
export const errorText = z.object({ error: z.string() });
