import { z } from 'zod';
import { multiLineText, singleLineText } from '@majlis/kernel';
import { CONTENT_TYPES } from './content/moderated-content';

export const REPORT_REASONS = [
  'SPAM',
  'ABUSIVE',
  'OFF_TOPIC',
  'CONFIDENTIAL_INFORMATION',
  'MISLEADING',
  'OTHER',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const CONTENT_ACTIONS = ['HIDE', 'RESTORE', 'KEEP', 'LOCK', 'UNLOCK'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

const id = z.string().uuid('is not a valid id');

export const reportInput = z.object({
  contentType: z.enum(CONTENT_TYPES),
  contentId: id,
  reason: z.enum(REPORT_REASONS),
  explanation: multiLineText(2000).nullable().optional(),
});
export type ReportInput = z.input<typeof reportInput>;

export const contentActionInput = z.object({
  contentType: z.enum(CONTENT_TYPES),
  contentId: id,
  action: z.enum(CONTENT_ACTIONS),
  reason: singleLineText(500),
  internalNote: multiLineText(2000).nullable().optional(),
  /** The moderation version the moderator saw: another moderator's action since then answers CONFLICT. */
  version: z.number().int().min(0),
});
export type ContentActionInput = z.input<typeof contentActionInput>;

export const USER_ACTIONS = ['SUSPEND', 'REINSTATE'] as const;

export const userActionInput = z.object({
  userId: id,
  action: z.enum(USER_ACTIONS),
  reason: singleLineText(500),
  internalNote: multiLineText(2000).nullable().optional(),
  until: z.coerce.date().nullable().optional(),
  /** The person's version the moderator saw: needed to change a suspension already in force. */
  version: z.number().int().min(0).nullable().optional(),
});
export type UserActionInput = z.input<typeof userActionInput>;

export const logFilter = z.object({
  action: z
    .enum(['HIDE', 'RESTORE', 'KEEP', 'LOCK', 'UNLOCK', 'SUSPEND', 'REINSTATE', 'AUTO_HIDE'])
    .nullable()
    .optional(),
  moderatorId: id.nullable().optional(),
  contentType: z.enum(CONTENT_TYPES).nullable().optional(),
  contentId: id.nullable().optional(),
  targetUserId: id.nullable().optional(),
});
export type LogFilter = z.input<typeof logFilter>;

export const queueFilter = z.object({
  reason: z.enum(REPORT_REASONS).nullable().optional(),
  spaceId: id.nullable().optional(),
  documentId: id.nullable().optional(),
  hidden: z.boolean().nullable().optional(),
});
export type QueueFilter = z.input<typeof queueFilter>;

export const REPORT_STATUSES = ['OPEN', 'CLOSED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const myReportsFilter = z.object({
  status: z.enum(REPORT_STATUSES).nullable().optional(),
  contentType: z.enum(CONTENT_TYPES).nullable().optional(),
});
export type MyReportsFilter = z.input<typeof myReportsFilter>;
