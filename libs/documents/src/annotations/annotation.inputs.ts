import { z } from 'zod';
import { multiLineText } from '@majlis/kernel';
import { ANNOTATION_STATUSES, DISPOSITIONS, MOTIVATIONS, VISIBILITIES } from './annotation.entity';

export const BODY_MAX_LENGTH = 10_000;
const QUOTE_MAX_LENGTH = 20_000;
const CONTEXT_MAX_LENGTH = 200;

export const createAnnotationInput = z
  .object({
    documentId: z.string(),
    versionNumber: z.number().int().min(1, 'must be a published version number'),
    target: z.object({
      exact: z
        .string()
        .min(1, 'must not be empty')
        .max(QUOTE_MAX_LENGTH, `must be at most ${QUOTE_MAX_LENGTH} characters`),
      prefix: z.string().max(CONTEXT_MAX_LENGTH, `must be at most ${CONTEXT_MAX_LENGTH} characters`).default(''),
      suffix: z.string().max(CONTEXT_MAX_LENGTH, `must be at most ${CONTEXT_MAX_LENGTH} characters`).default(''),
      start: z.number().int().min(0, 'must not be negative').nullable().optional(),
      end: z.number().int().min(1, 'must be after start').nullable().optional(),
      occurrence: z.number().int().min(1, 'counts from 1 (the first occurrence)').nullable().optional(),
    }),
    motivation: z.enum(MOTIVATIONS),
    body: multiLineText(BODY_MAX_LENGTH).refine((value) => value.trim().length > 0, 'must not be empty'),
    suggestedText: multiLineText(BODY_MAX_LENGTH).nullable().optional(),
    visibility: z.enum(VISIBILITIES).default('PUBLIC'),
    onBehalfOfOrganizationId: z.string().nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.motivation === 'AMENDING' && !value.suggestedText?.trim()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['suggestedText'], message: 'is required for an amendment' });
    }
    if (value.motivation !== 'AMENDING' && value.suggestedText) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['suggestedText'], message: 'only amendments propose a text' });
    }
  });
export type CreateAnnotationInput = z.input<typeof createAnnotationInput>;

export const updateAnnotationInput = z.object({
  version: z.number().int().min(1),
  body: multiLineText(BODY_MAX_LENGTH)
    .refine((value) => value.trim().length > 0, 'must not be empty')
    .optional(),
  suggestedText: multiLineText(BODY_MAX_LENGTH).optional(),
});
export type UpdateAnnotationInput = z.input<typeof updateAnnotationInput>;

export const answerAnnotationInput = z.object({
  disposition: z.enum(DISPOSITIONS),
  rationale: multiLineText(BODY_MAX_LENGTH).refine((value) => value.trim().length > 0, 'must explain the decision'),
  /** An answered annotation cannot be OPEN: the answer sets ANSWERED (the default) or RESOLVED. */
  status: z
    .enum(ANNOTATION_STATUSES)
    .refine((status) => status !== 'OPEN', 'an answered annotation cannot be OPEN: use ANSWERED or RESOLVED')
    .default('ANSWERED'),
});
export type AnswerAnnotationInput = z.input<typeof answerAnnotationInput>;

export const annotationFilter = z.object({
  sectionKey: z.string().max(50).nullable().optional(),
  motivation: z.enum(MOTIVATIONS).nullable().optional(),
  status: z.enum(ANNOTATION_STATUSES).nullable().optional(),
  visibility: z.enum(VISIBILITIES).nullable().optional(),
  organizationId: z.string().uuid('is not a valid id').nullable().optional(),
  /** Words the annotation's text holds (the search's matching: every language, phrases, accents folded). */
  text: z.string().trim().max(200, 'at most 200 characters').nullable().optional(),
});
export type AnnotationFilter = z.input<typeof annotationFilter>;

/** Filters of "my annotations". */
export const myAnnotationsFilter = z.object({
  documentId: z.string().uuid('is not a valid id').nullable().optional(),
  motivation: z.enum(MOTIVATIONS).nullable().optional(),
  status: z.enum(ANNOTATION_STATUSES).nullable().optional(),
  visibility: z.enum(VISIBILITIES).nullable().optional(),
});
export type MyAnnotationsFilter = z.input<typeof myAnnotationsFilter>;
