import { z } from 'zod';
import { emailAddress } from '@majlis/kernel';
import { MEMBERSHIP_ROLES } from '../memberships/membership.entity';
import { LOCALES } from '../users/user.entity';
import { displayName } from '../users/user.inputs';

export const inviteMemberInput = z.object({
  organizationId: z.string(),
  email: emailAddress,
  role: z.enum(MEMBERSHIP_ROLES),
});
export type InviteMemberInput = z.input<typeof inviteMemberInput>;

/**
 * The password is checked separately (the password rules, then the throttled check of an existing account's).
 * Signed-in invitees give neither password nor display name.
 */
export const acceptInvitationInput = z.object({
  token: z.string().min(1, 'is required').max(200, 'is not a valid invitation token'),
  password: z.string().max(128, 'must be at most 128 characters').optional(),
  displayName: displayName.optional(),
  locale: z.enum(LOCALES).optional(),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationInput>;
