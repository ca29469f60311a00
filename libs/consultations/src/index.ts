export * from './consultations.module';
export * from './consultations.reasons';
export * from './consultation/consultation.entity';
export * from './consultation/consultation-state';
export * from './consultation/consultation.service';
export * from './contribution/contribution.service';
export * from './results/results.service';
export * from './consultation/my-consultations.service';
export * from './contribution/member-contributions.service';
export * from './consultation/consultation.policy';
export * from './consultation/consultation.queries';
export * from './contribution/contribution.queries';
export * from './consultations.options';
export { countsByKind, spreadsheetSafe, OTHER_KINDS } from './results/disclosure';
export { answerViews, scaleOf } from './contribution/answers';
export type { AnswerView } from './contribution/answers';
export { FederationRemarksService } from './contribution/federation-remarks.service';
export type { Remark } from './contribution/federation-remarks.service';
export type {
  CreateConsultationInput,
  UpdateConsultationInput,
  SaveContributionInput,
  SynthesisInput,
} from './consultation/consultation.inputs';

import {
  Consultation,
  ConsultationQuestion,
  Contribution,
  ContributionSubmission,
} from './consultation/consultation.entity';

/** The TypeORM entities this lib owns, for the application's DataSource. */
export const CONSULTATIONS_ENTITIES = [Consultation, ConsultationQuestion, Contribution, ContributionSubmission];
