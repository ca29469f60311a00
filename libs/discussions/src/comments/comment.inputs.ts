import { z } from 'zod';
import { multiLineText } from '@majlis/kernel';

export const COMMENT_MAX_LENGTH = 10_000;
const body = multiLineText(COMMENT_MAX_LENGTH).refine((value) => value.trim().length > 0, 'must not be empty');

/** What one replies to (a comment is answered within its conversation, with `parentId`). */
export const REPLY_SUBJECT_TYPES = ['ANNOTATION', 'THREAD', 'CONTRIBUTION'] as const;

export const postCommentInput = z.object({
  subjectType: z.enum(REPLY_SUBJECT_TYPES),
  subjectId: z.string().uuid('is not a valid id'),
  parentId: z.string().uuid('is not a valid id').nullable().optional(),
  body,
  official: z.boolean().default(false),
  onBehalfOfOrganizationId: z.string().uuid('is not a valid id').nullable().optional(),
});
export type PostCommentInput = z.input<typeof postCommentInput>;

export const editCommentInput = z.object({ version: z.number().int().min(1), body });
export type EditCommentInput = z.input<typeof editCommentInput>;
