export * from './consultations.module';
export * from './consultations.reasons';
export * from './consultation.entity';
export * from './consultation-state';
export * from './consultation.service';
export * from './contribution.service';
export * from './results.service';
export * from './my-consultations.service';
export * from './member-contributions.service';
export * from './consultation.policy';
export * from './consultations.options';
export { countsByKind, spreadsheetSafe, OTHER_KINDS } from './disclosure';
export { answerViews, scaleOf } from './answers';
export type { AnswerView } from './answers';
export { FederationRemarksService } from './federation-remarks.service';
export type { Remark } from './federation-remarks.service';
export type {
  CreateConsultationInput,
  UpdateConsultationInput,
  SaveContributionInput,
  SynthesisInput,
} from './consultation.inputs';

import { Consultation, ConsultationQuestion, Contribution, ContributionSubmission } from './consultation.entity';

/** The TypeORM entities this lib owns, for the application's DataSource. */
export const CONSULTATIONS_ENTITIES = [Consultation, ConsultationQuestion, Contribution, ContributionSubmission];
