import {
  CONSENTS,
  CONSULTATION_STATES,
  CONTRIBUTION_STATUSES,
  OTHER_KINDS,
  QUESTION_KINDS,
  RESULTS_UNAVAILABLE_REASONS,
} from '@majlis/consultations';
import { ORGANIZATION_KINDS } from '@majlis/identity';
import { graphqlEnum } from '../common/graphql-enum';

export const QuestionKindEnum = graphqlEnum(QUESTION_KINDS, 'QuestionKind');

export type QuestionKindEnum = (typeof QuestionKindEnum)[keyof typeof QuestionKindEnum];

export const ConsentEnum = graphqlEnum(
  CONSENTS,
  'PublicationConsent',
  'How a contribution may appear in the published results.',
);

export type ConsentEnum = (typeof ConsentEnum)[keyof typeof ConsentEnum];

export const KindGroupEnum = graphqlEnum(
  [...ORGANIZATION_KINDS, OTHER_KINDS] as const,
  'KindGroup',
  'An organisation kind in published results, or OTHER: kinds with fewer contributions than the minimum group size (RESULTS_MINIMUM_GROUP_SIZE, 3 by default) merged together, so that a lone contribution cannot be read off the split. Moderators see exact kinds.',
);

export const ContributionStatusEnum = graphqlEnum(
  CONTRIBUTION_STATUSES,
  'ContributionStatus',
  'DRAFT: never submitted. SUBMITTED: the draft holds what the latest receipt certifies. CHANGED_SINCE_SUBMITTED: edited since the latest submission, which still counts until the organisation submits again.',
);

export const ResultsUnavailableReasonEnum = graphqlEnum(
  RESULTS_UNAVAILABLE_REASONS,
  'ResultsUnavailableReason',
  'Why `Consultation.results` is null for you: NOT_PUBLISHED_YET — the ministry follows results live, everyone else reads them once published.',
);

export const ConsultationStateEnum = graphqlEnum(
  CONSULTATION_STATES,
  'ConsultationState',
  'By the server clock: OPEN from opensAt to closesAt (exclusive).',
);

export type ConsultationStateEnum = (typeof ConsultationStateEnum)[keyof typeof ConsultationStateEnum];

export const ContributionChangeKindEnum = graphqlEnum(
  ['SAVED', 'SUBMITTED'] as const,
  'ContributionChangeKind',
  'SAVED: a member saved the draft. SUBMITTED: a representative submitted it.',
);
