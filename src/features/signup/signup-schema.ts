import * as z from 'zod/mini';
import { emailRule, passwordRule, usernameRule } from '../../shared/field-rules';

export const signupSchema = z
  .object({
    username: usernameRule,
    email: emailRule,
    password: passwordRule,
    confirmPassword: z.string(),
  })
  .check(
    z.refine((values) => values.password === values.confirmPassword, {
      error: 'The passwords don’t match. Type the same password twice.',
      path: ['confirmPassword'],
    }),
  );

export type SignupValues = z.infer<typeof signupSchema>;
