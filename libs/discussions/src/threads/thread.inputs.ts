import { z } from 'zod';
import { multiLineText, singleLineText } from '@majlis/kernel';
import { citationInput } from '../citations/citation-registry';

const tags = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'must not be empty')
      .max(40, 'must be at most 40 characters')
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u, 'must be a word (letters, digits, hyphens)')
      .transform((value) => value.normalize('NFKC')),
  )
  .max(10, 'at most 10 tags')
  .transform((values) => [...new Set(values)]);
const body = multiLineText(20_000).refine((value) => value.trim().length > 0, 'must not be empty');

export const createThreadInput = z.object({
  spaceId: z.string(),
  title: singleLineText(200),
  body,
  tags: tags.default([]),
  citation: citationInput.nullable().optional(),
  onBehalfOfOrganizationId: z.string().uuid('is not a valid id').nullable().optional(),
});
export type CreateThreadInput = z.input<typeof createThreadInput>;

export const editThreadInput = z.object({
  version: z.number().int().min(1),
  title: singleLineText(200).optional(),
  body: body.optional(),
  tags: tags.optional(),
});
export type EditThreadInput = z.input<typeof editThreadInput>;

export const threadFilter = z.object({
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .max(40)
    .transform((value) => value.normalize('NFKC'))
    .nullable()
    .optional(),
  /** Words the thread's title, text or tags hold (the search's matching). */
  text: z.string().trim().max(200, 'at most 200 characters').nullable().optional(),
});
export type ThreadFilter = z.input<typeof threadFilter>;
