import { z } from 'zod';
import { singleLineText } from '@majlis/kernel';
import { LOCALES, PLATFORM_ROLES, USER_STATUSES } from './user.entity';

export const displayName = singleLineText(120);

export const updateProfileInput = z.object({
  version: z.number().int().min(1, 'must be the version you last read'),
  displayName: displayName.optional(),
  locale: z.enum(LOCALES).optional(),
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const platformRole = z.enum(PLATFORM_ROLES);

/**
 * The staff's people search: part of a display name or an e-mail address (case-insensitive), at most 100
 * characters (a name is at most 120, so a longer text could only match nothing; refusing it keeps the pattern small).
 */
export const searchUsersInput = z.object({
  text: z.string().trim().max(100, 'must be at most 100 characters').nullable().optional(),
  platformRole: platformRole.nullable().optional(),
  status: z
    .enum(USER_STATUSES)
    .refine((status) => status !== 'DELETED', 'deleted accounts are never listed')
    .nullable()
    .optional(),
});
export type SearchUsersInput = z.input<typeof searchUsersInput>;
