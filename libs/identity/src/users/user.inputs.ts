import { z } from 'zod';
import { singleLineText } from '@majlis/kernel';
import { LOCALES, PLATFORM_ROLES } from './user.entity';

export const displayName = singleLineText(120);

export const updateProfileInput = z.object({
  version: z.number().int().min(1, 'must be the version you last read'),
  displayName: displayName.optional(),
  locale: z.enum(LOCALES).optional(),
});
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

export const platformRole = z.enum(PLATFORM_ROLES);
