import { z } from 'zod';

/** What a search finds, one hit type per kind of searchable content. */
export const SEARCH_HIT_TYPES = [
  'ARTICLE',
  'ANNOTATION',
  'REPLY',
  'THREAD',
  'CONSULTATION',
  'QUESTION',
  'SPACE',
  'ORGANIZATION',
] as const;
export type SearchHitType = (typeof SEARCH_HIT_TYPES)[number];

const zId = z.string().uuid('is not a valid id');

export const SEARCH_MOTIVATIONS = ['COMMENTING', 'QUESTIONING', 'AMENDING', 'SUPPORTING', 'OBJECTING'] as const;

/** The longest query accepted (characters). */
export const MAX_QUERY_LENGTH = 200;

export const searchQuery = z
  .string()
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(
    z
      .string()
      .min(1, 'type something to search for')
      .max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`)
      .refine((value) => /[\p{L}\p{N}]/u.test(value), 'type at least one letter or digit'),
  );

export const searchFilter = z
  .object({
    types: z.array(z.enum(SEARCH_HIT_TYPES)).max(SEARCH_HIT_TYPES.length).nullish(),
    documentId: zId.nullish(),
    versionId: zId.nullish(),
    articleKey: z.string().trim().min(1).max(100).nullish(),
    spaceId: zId.nullish(),
    organizationId: zId.nullish(),
    motivation: z.enum(SEARCH_MOTIVATIONS).nullish(),
    authorId: zId.nullish(),
    mine: z.boolean().nullish(),
    from: z.date().nullish(),
    to: z.date().nullish(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: 'must not be after `to`',
    path: ['from'],
  });
export type SearchFilter = z.input<typeof searchFilter>;
export type ParsedSearchFilter = z.output<typeof searchFilter>;
