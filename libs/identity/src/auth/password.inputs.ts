import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './password-rules';

/** The new password is checked against the password rules separately (they need the person's name and e-mail). */
export const changePasswordInput = z.object({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
  newPassword: z.string(),
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
