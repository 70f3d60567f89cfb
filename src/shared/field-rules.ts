/**
 * The one definition of what a username, email and password may be. The portal's
 * forms and the local API (server/) both validate with these, so a form never lets
 * through what the server refuses, nor refuses what it takes.
 *
 * Built on `zod/mini` to keep the log-in and sign-up pages light.
 */
import * as z from 'zod/mini';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** The username rule in words, for the forms' hints. */
export const USERNAME_HINT = `${USERNAME_MIN} to ${USERNAME_MAX} letters, digits, dots, underscores or hyphens.`;

/** For password managers (Safari's `passwordrules`), matching the rules below. */
export const PASSWORD_RULES = `minlength: ${PASSWORD_MIN}; maxlength: ${PASSWORD_MAX};`;

export const usernameRule = z.string({ error: 'Enter a username.' }).check(
  z.minLength(1, { error: 'Enter a username.' }),
  z.minLength(USERNAME_MIN, { error: `Use at least ${USERNAME_MIN} characters.` }),
  z.maxLength(USERNAME_MAX, { error: `Use at most ${USERNAME_MAX} characters.` }),
  z.regex(USERNAME_PATTERN, {
    error: 'Use only letters, digits, dots (.), underscores (_) and hyphens (-).',
  }),
);

export const emailRule = z
  .string({ error: 'Enter an email address.' })
  .check(
    z.minLength(1, { error: 'Enter an email address.' }),
    z.maxLength(EMAIL_MAX, { error: `Use at most ${EMAIL_MAX} characters.` }),
    z.email({ error: 'Enter a valid email address, like name@example.com.' }),
  );

export const passwordRule = z
  .string({ error: 'Enter a password.' })
  .check(
    z.minLength(1, { error: 'Enter a password.' }),
    z.minLength(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` }),
    z.maxLength(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` }),
  );

/** Emails are compared case-insensitively; this is the form they are compared in. */
export function normalizeEmail(email: string): string {
  return email.toLowerCase();
}
