import { z } from 'zod';
import { multiLineText, singleLineText } from '@majlis/kernel';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './document.entity';

const instant = z.coerce.date({ message: 'must be an ISO-8601 date and time' });

const commentWindow = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape).superRefine((value: { commentsOpenAt?: Date | null; commentsCloseAt?: Date | null }, ctx) => {
    if (value.commentsOpenAt && value.commentsCloseAt && value.commentsCloseAt <= value.commentsOpenAt) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['commentsCloseAt'], message: 'must be after commentsOpenAt' });
    }
  });

export const createDocumentInput = commentWindow({
  kind: z.enum(DOCUMENT_KINDS),
  reference: singleLineText(100),
  title: singleLineText(300),
  language: z.enum(['fr', 'ar', 'en']).default('fr'),
  commentsOpenAt: instant.nullable().optional(),
  commentsCloseAt: instant.nullable().optional(),
});
export type CreateDocumentInput = z.input<typeof createDocumentInput>;

export const updateDocumentInput = commentWindow({
  version: z.number().int().min(1),
  title: singleLineText(300).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  commentsOpenAt: instant.nullable().optional(),
  commentsCloseAt: instant.nullable().optional(),
});
export type UpdateDocumentInput = z.input<typeof updateDocumentInput>;

/** A version's source: up to 1 MB of Markdown (a long regulatory text is ~300 KB). */
export const publishVersionInput = z.object({
  markdown: multiLineText(1_000_000).refine((value) => value.trim().length > 0, 'must not be empty'),
  changeNote: multiLineText(2_000).refine((value) => value.trim().length > 0, 'must say what changed'),
});
export type PublishVersionInput = z.input<typeof publishVersionInput>;
