import {
  CONTENT_ACTIONS,
  CONTENT_TYPES,
  REPORT_OUTCOMES,
  REPORT_REASONS,
  REPORT_STATUSES,
  USER_ACTIONS,
} from '@majlis/moderation';
import { graphqlEnum } from '../common/graphql-enum';

export const ContentTypeEnum = graphqlEnum(CONTENT_TYPES, 'ContentType', 'What can be reported and moderated.');
export type ContentTypeEnum = (typeof ContentTypeEnum)[keyof typeof ContentTypeEnum];
export const ReportReasonEnum = graphqlEnum(REPORT_REASONS, 'ReportReason');
export type ReportReasonEnum = (typeof ReportReasonEnum)[keyof typeof ReportReasonEnum];
export const ContentActionEnum = graphqlEnum(
  CONTENT_ACTIONS,
  'ContentAction',
  'KEEP: reviewed, stays visible, reports closed.',
);
export type ContentActionEnum = (typeof ContentActionEnum)[keyof typeof ContentActionEnum];

export const ReportOutcomeEnum = graphqlEnum(
  REPORT_OUTCOMES,
  'ReportOutcome',
  'What a moderator decided on reported content: HIDDEN, KEPT (reviewed, stays visible) or RESTORED (hidden pending review, then restored).',
);
export type ReportOutcomeEnum = (typeof ReportOutcomeEnum)[keyof typeof ReportOutcomeEnum];

export const ReportStatusEnum = graphqlEnum(
  REPORT_STATUSES,
  'ReportStatus',
  'OPEN until a moderator acts on the content.',
);
export type ReportStatusEnum = (typeof ReportStatusEnum)[keyof typeof ReportStatusEnum];

export const UserActionEnum = graphqlEnum(USER_ACTIONS, 'UserModerationAction');
export type UserActionEnum = (typeof UserActionEnum)[keyof typeof UserActionEnum];
