import { z } from 'zod';
import { citationInput } from '@majlis/discussions';
import { multiLineText, singleLineText } from '@majlis/kernel';
import { CONSENTS, QUESTION_KINDS } from './consultation.entity';

const id = z.string().uuid('is not a valid id');
const instant = z.coerce.date({ message: 'must be an ISO-8601 date and time' });

export const questionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    prompt: multiLineText(2000).refine((value) => value.trim().length > 0, 'must not be empty'),
    required: z.boolean().default(false),
    options: z.array(singleLineText(200)).max(30, 'at most 30 options').default([]),
    maxLength: z.number().int().min(1).max(10_000).nullable().optional(),
    scaleMin: z.number().int().min(0).max(100).nullable().optional(),
    scaleMax: z.number().int().min(1).max(100).nullable().optional(),
    citation: citationInput.nullable().optional(),
  })
  .superRefine((question, ctx) => {
    const choice = question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE';
    if (choice && question.options.length < 2)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options'], message: 'a choice needs at least two options' });
    if (!choice && question.options.length > 0)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options'], message: 'only choices have options' });
    if (question.kind === 'SCALE') {
      const min = question.scaleMin ?? 1;
      const max = question.scaleMax ?? 5;
      if (max <= min)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scaleMax'], message: 'must be greater than scaleMin' });
      else if (max - min > 10)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scaleMax'], message: 'a scale has at most 11 steps' });
    } else {
      for (const bound of ['scaleMin', 'scaleMax'] as const)
        if (question[bound] !== undefined && question[bound] !== null)
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [bound], message: 'only SCALE questions have a range' });
    }
    if (new Set(question.options).size !== question.options.length)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options'], message: 'options must differ' });
  });

export type QuestionInput = z.output<typeof questionInput>;

export const createConsultationInput = z
  .object({
    title: singleLineText(200),
    summary: multiLineText(10_000).default(''),
    opensAt: instant,
    closesAt: instant,
    eligibleKinds: z.array(z.enum(['MINISTRY', 'FEDERATION', 'COMPANY', 'INSTITUTION'])).default([]),
    invitedOrganizationIds: z.array(id).max(500).default([]),
    documentIds: z.array(id).max(20).default([]),
    questions: z.array(questionInput).min(1, 'ask at least one question').max(100, 'at most 100 questions'),
  })
  .superRefine((value, ctx) => {
    if (value.closesAt <= value.opensAt)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['closesAt'], message: 'must be after opensAt' });
    if (value.eligibleKinds.length === 0 && value.invitedOrganizationIds.length === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['eligibleKinds'],
        message: 'say who may take part: organisation kinds, invited organisations, or both',
      });
    }
  });
export type CreateConsultationInput = z.input<typeof createConsultationInput>;

export const synthesisInput = z.object({
  synthesis: multiLineText(50_000),
  responses: z
    .array(z.object({ questionId: id, response: multiLineText(10_000) }))
    .max(100)
    .default([]),
});
export type SynthesisInput = z.input<typeof synthesisInput>;

/** Edits a DRAFT: any of its fields; questions, when given, replace the whole list. */
export const updateConsultationInput = z.object({
  version: z.number().int().min(1),
  title: singleLineText(200).optional(),
  summary: multiLineText(10_000).optional(),
  opensAt: instant.optional(),
  closesAt: instant.optional(),
  eligibleKinds: z.array(z.enum(['MINISTRY', 'FEDERATION', 'COMPANY', 'INSTITUTION'])).optional(),
  questions: z.array(questionInput).min(1, 'ask at least one question').max(100).optional(),
});
export type UpdateConsultationInput = z.input<typeof updateConsultationInput>;

/**
 * An answer as a client sends it, in the field matching the question's kind: `text` (TEXT), `choices` (SINGLE_CHOICE:
 * one option; MULTI_CHOICE: distinct options) or `scale` (SCALE, within the question's range). It comes back in the
 * same field; an answer in another field is refused (BAD_USER_INPUT), never dropped.
 */
export const answerInput = z.object({
  questionId: id,
  text: z.string().max(10_000, 'must be at most 10000 characters').nullable().optional(),
  choices: z.array(z.string().max(200)).max(30).nullable().optional(),
  scale: z.number().nullable().optional(),
});
export type AnswerInput = z.input<typeof answerInput>;

export const saveContributionInput = z.object({
  version: z.number().int().min(1),
  answers: z.array(answerInput).max(100).default([]),
  consent: z.enum(CONSENTS).optional(),
});
export type SaveContributionInput = z.input<typeof saveContributionInput>;
