import * as z from 'zod/mini';

// Log-in checks only that something was typed: the sign-up rules are for new accounts,
// and an older account on the real server may not meet them.
export const loginSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, { error: 'Enter your username.' })),
  password: z.string().check(z.minLength(1, { error: 'Enter your password.' })),
  remember: z.boolean(),
});

export type LoginValues = z.infer<typeof loginSchema>;
