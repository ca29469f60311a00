import { z } from 'zod';
import { multiLineText, singleLineText } from '@majlis/kernel';
import { SPACE_ROLES, SPACE_VISIBILITIES } from './space.entity';

export const createSpaceInput = z.object({
  name: singleLineText(120),
  slug: z
    .string()
    .trim()
    .max(80, 'must be at most 80 characters')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens'),
  description: multiLineText(4000).default(''),
  ownerOrganizationId: z.string().uuid('is not a valid id'),
  visibility: z.enum(SPACE_VISIBILITIES),
});
export type CreateSpaceInput = z.input<typeof createSpaceInput>;

export const addSpaceMemberInput = z
  .object({
    userId: z.string().uuid('is not a valid id').nullable().optional(),
    organizationId: z.string().uuid('is not a valid id').nullable().optional(),
    role: z.enum(SPACE_ROLES),
  })
  .refine((value) => !!value.userId !== !!value.organizationId, {
    message: 'give either a person or an organisation',
    path: ['userId'],
  });
export type AddSpaceMemberInput = z.input<typeof addSpaceMemberInput>;

export const spaceRoleInput = z.enum(SPACE_ROLES);
