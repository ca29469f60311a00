export * from './moderation.module';
export * from './moderation.reasons';
export * from './moderated-content';
export * from './moderation.policy';
export * from './redaction';
export * from './moderation-log';
export * from './report.service';
export * from './moderation.service';
export { REPORT_REASONS, CONTENT_ACTIONS, REPORT_STATUSES, USER_ACTIONS } from './moderation.inputs';
export type {
  ReportInput,
  ContentActionInput,
  UserActionInput,
  QueueFilter,
  LogFilter,
  ReportReason,
  ContentAction,
  ReportStatus,
  MyReportsFilter,
} from './moderation.inputs';
