export * from './moderation.module';
export * from './moderated-content';
export * from './hidden-content';
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
