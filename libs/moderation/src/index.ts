export * from './moderation.module';
export * from './moderation.reasons';
export * from './content/moderated-content';
export * from './content/content-moderation.queries';
export * from './moderation.policy';
export * from './content/redaction';
export * from './actions/moderation-log';
export * from './reports/report.service';
export * from './actions/moderation.service';
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
