import * as z from 'zod/mini';
import { emailRule, passwordRule, usernameRule } from '../../shared/field-rules';

export const profileSchema = z
  .object({
    username: usernameRule,
    email: emailRule,
    // Optional: an empty new password keeps the current one.
    newPassword: z.union([z.literal(''), passwordRule]),
    confirmNewPassword: z.string(),
    currentPassword: z
      .string()
      .check(z.minLength(1, { error: 'Enter your current password to save changes.' })),
  })
  .check(
    z.refine((values) => values.newPassword === values.confirmNewPassword, {
      error: 'The new passwords don’t match. Type the same password twice.',
      path: ['confirmNewPassword'],
    }),
  );

export type ProfileValues = z.infer<typeof profileSchema>;
