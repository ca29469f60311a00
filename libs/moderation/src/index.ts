export * from './moderation.module';
export * from './moderated-content';
export * from './moderation.policy';
export * from './redaction';
export * from './moderation-log';
export * from './report.service';
export * from './moderation.service';
export { REPORT_REASONS, CONTENT_ACTIONS } from './moderation.inputs';
export type {
  ReportInput,
  ContentActionInput,
  UserActionInput,
  QueueFilter,
  LogFilter,
  ReportReason,
  ContentAction,
} from './moderation.inputs';
