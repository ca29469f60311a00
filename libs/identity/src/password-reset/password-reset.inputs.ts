import { z } from 'zod';
import { emailAddress } from '@majlis/kernel';

export const requestPasswordResetInput = z.object({ email: emailAddress });
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetInput>;

/** The new password is checked against the password rules separately (they need the person's name and e-mail). */
export const resetPasswordInput = z.object({
  token: z.string().min(1, 'is required').max(200, 'is not a valid reset link'),
  newPassword: z.string(),
});
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;
