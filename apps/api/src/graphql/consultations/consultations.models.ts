import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  CONSENTS,
  CONSULTATION_STATES,
  CONTRIBUTION_STATUSES,
  Consent,
  ContributionStatus,
  OTHER_KINDS,
  QUESTION_KINDS,
  QuestionKind,
  RESULTS_UNAVAILABLE_REASONS,
} from '@majlis/consultations';
import { ORGANIZATION_KINDS } from '@majlis/identity';
import { CitationInput } from '../common/citation.input';
import { Connection } from '../common/connection.type';
import { graphqlEnum } from '../common/graphql-enum';
import { OrganizationKindEnum } from '../identity/identity.enums';

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

@ObjectType('ConsultationQuestion')
export class QuestionModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field(() => QuestionKindEnum)
  kind: QuestionKind;

  @Field()
  prompt: string;

  @Field()
  required: boolean;

  @Field(() => [String])
  options: string[];

  @Field(() => Int, { nullable: true })
  maxLength: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'SCALE questions: the lowest whole number an answer may take (1 unless the ministry chose another).',
  })
  scaleMin: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'SCALE questions: the highest whole number an answer may take (5 unless the ministry chose another).',
  })
  scaleMax: number | null;

  @Field(() => String, { nullable: true, description: 'The article of the document the question is about.' })
  sectionKey: string | null;

  @Field(() => ID, { nullable: true, description: 'The document the cited article belongs to.' })
  documentId: string | null;

  versionId: string | null;
}

@ObjectType('Consultation')
export class ConsultationModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field()
  opensAt: Date;

  @Field()
  closesAt: Date;

  @Field(() => [OrganizationKindEnum], {
    description: 'Organisations of these kinds may take part (besides invited ones).',
  })
  eligibleKinds: string[];

  @Field(() => Int)
  version: number;
}

@ObjectType('Answer', {
  description:
    'An answer in the field it is given in: `text` (TEXT), `choices` (SINGLE_CHOICE: one option; MULTI_CHOICE), `scale` (SCALE).',
})
export class AnswerModel {
  @Field(() => ID)
  questionId: string;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => [String], { nullable: true })
  choices: string[] | null;

  @Field(() => Int, { nullable: true })
  scale: number | null;
}

@ObjectType('Receipt', {
  description: 'Proof of a submission: keep it to re-check later that what was received is what you sent.',
})
export class ReceiptModel {
  @Field()
  trackingNumber: string;

  @Field({
    description:
      'When the server received the submission (stamped on arrival, before any queueing): the deadline judges this instant. Same as `receivedAt`.',
  })
  submittedAt: Date;

  @Field({
    description:
      'When the server received the submission, before any queueing. Accepted if and only if before the consultation’s `closesAt`.',
  })
  receivedAt: Date;

  @Field({
    description:
      'When the submission was processed and stored: it may be after `closesAt` for a submission received before it.',
  })
  processedAt: Date;

  @Field({ description: 'SHA-256 of the canonical contribution.' })
  digest: string;
}

@ObjectType('Contribution', { description: 'An organisation’s contribution (its members see it).' })
export class ContributionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ContributionStatusEnum)
  status: ContributionStatus;

  @Field(() => ConsentEnum)
  consent: Consent;

  @Field(() => Int)
  version: number;

  @Field()
  updatedAt: Date;

  answers: Record<string, unknown>;
}

export const ContributionChangeKindEnum = graphqlEnum(
  ['SAVED', 'SUBMITTED'] as const,
  'ContributionChangeKind',
  'SAVED: a member saved the draft. SUBMITTED: a representative submitted it.',
);

@ObjectType('ContributionChange', { description: 'Who changed a contribution, what and when.' })
export class ContributionChangeModel {
  @Field(() => ContributionChangeKindEnum)
  kind: 'SAVED' | 'SUBMITTED';

  @Field()
  at: Date;

  @Field(() => Int, { nullable: true, description: 'The version a save produced (null for a submission).' })
  version: number | null;

  @Field(() => [ID], { description: 'The questions whose answers this save changed.' })
  questionIds: string[];

  @Field({ description: 'Whether this save changed the publication consent.' })
  consentChanged: boolean;

  @Field(() => String, { nullable: true, description: 'A submission’s tracking number.' })
  trackingNumber: string | null;

  userId: string | null;
}

@ObjectType('ReceiptCheck')
export class ReceiptCheckModel {
  @Field()
  valid: boolean;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field({ description: 'Whether it is the organisation’s latest submission (the one that counts).' })
  latest: boolean;
}

@ObjectType()
export class ConsultationConnection extends Connection(ConsultationModel, 'Consultation') {}

@ObjectType()
export class ConsultationPayload {
  @Field(() => ConsultationModel)
  consultation: ConsultationModel;
}

@ObjectType()
export class ContributionPayload {
  @Field(() => ContributionModel)
  contribution: ContributionModel;
}

@ObjectType()
export class SubmitContributionPayload {
  @Field(() => ReceiptModel, {
    description:
      'The receipt of this submission, or the earlier one when nothing new was received (`alreadyReceived`).',
  })
  receipt: ReceiptModel;

  @Field(() => ContributionModel, {
    description: 'The contribution after the submission, with its new version: save from this one.',
  })
  contribution: ContributionModel;

  @Field({
    description:
      'True when the content is the one an earlier receipt already certifies: that earlier receipt is returned and nothing new was recorded (a retry, or a submission once the consultation is closed).',
  })
  alreadyReceived: boolean;

  @Field(() => ConsultationStateEnum, { description: 'The consultation’s state when the submission was processed.' })
  consultationState: ConsultationStateEnum;

  @Field({ description: 'True when the consultation no longer accepts contributions (closed, or results published).' })
  consultationClosed: boolean;
}

@InputType()
export class QuestionInput {
  @Field(() => QuestionKindEnum)
  kind: QuestionKind;

  @Field()
  prompt: string;

  @Field({ defaultValue: false })
  required: boolean;

  @Field(() => [String], { defaultValue: [] })
  options: string[];

  @Field(() => Int, { nullable: true })
  maxLength?: number | null;

  @Field(() => Int, { nullable: true, description: 'SCALE only: the lowest value (default 1; 0 to 100).' })
  scaleMin?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'SCALE only: the highest value (default 5; greater than scaleMin, at most 11 steps).',
  })
  scaleMax?: number | null;

  @Field(() => CitationInput, { nullable: true })
  citation?: CitationInput | null;
}

@InputType()
export class CreateConsultationInput {
  @Field()
  title: string;

  @Field({ defaultValue: '' })
  summary: string;

  @Field()
  opensAt: Date;

  @Field()
  closesAt: Date;

  @Field(() => [OrganizationKindEnum], { defaultValue: [] })
  eligibleKinds: OrganizationKindEnum[];

  @Field(() => [ID], { defaultValue: [] })
  invitedOrganizationIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  documentIds: string[];

  @Field(() => [QuestionInput])
  questions: QuestionInput[];
}

@InputType()
export class UpdateConsultationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  summary?: string;

  @Field(() => Date, { nullable: true })
  opensAt?: Date;

  @Field(() => Date, { nullable: true })
  closesAt?: Date;

  @Field(() => [OrganizationKindEnum], { nullable: true })
  eligibleKinds?: OrganizationKindEnum[];

  @Field(() => [QuestionInput], { nullable: true, description: 'Replaces the whole list.' })
  questions?: QuestionInput[];
}

@InputType()
export class QuestionResponseInput {
  @Field(() => ID)
  questionId: string;

  @Field()
  response: string;
}

@InputType()
export class WriteSynthesisInput {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What the ministry heard and what it will do (Markdown).' })
  synthesis: string;

  @Field(() => [QuestionResponseInput], { defaultValue: [] })
  responses: QuestionResponseInput[];
}

@InputType()
export class ConsultationIdInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class ExtendConsultationInput {
  @Field(() => ID)
  id: string;

  @Field()
  closesAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Why (at most 500 characters): kept in the audit trail and told in the announcement.',
  })
  reason?: string | null;
}

@InputType()
export class CloseConsultationInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why it closes early (at most 500 characters), for the audit trail.',
  })
  reason?: string | null;
}

@InputType()
export class JoinConsultationInput {
  @Field(() => ID)
  consultationId: string;

  @Field(() => ID)
  organizationId: string;
}

@InputType()
export class AnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => [String], { nullable: true })
  choices?: string[] | null;

  @Field(() => Int, { nullable: true })
  scale?: number | null;
}

@InputType()
export class SaveContributionInput {
  @Field(() => ID)
  consultationId: string;

  @Field(() => ID)
  organizationId: string;

  @Field(() => Int)
  version: number;

  @Field(() => [AnswerInput], { defaultValue: [] })
  answers: AnswerInput[];

  @Field(() => ConsentEnum, { nullable: true })
  consent?: Consent;
}

@ObjectType('KindCount', {
  description: 'How many contributions of one kind of organisation (or OTHER: small groups merged together).',
})
export class KindCountModel {
  @Field(() => KindGroupEnum)
  kind: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('OptionCount')
export class OptionCountModel {
  @Field()
  option: string;

  @Field(() => Int)
  count: number;

  @Field(() => [KindCountModel])
  byKind: KindCountModel[];
}

@ObjectType('TextAnswer')
export class TextAnswerModel {
  @Field(() => String, { nullable: true, description: 'Null when the contribution is anonymous.' })
  organization: string | null;

  @Field(() => ConsentEnum)
  consent: Consent;

  @Field()
  text: string;
}

@ObjectType('QuestionResult')
export class QuestionResultModel {
  @Field(() => QuestionModel)
  question: QuestionModel;

  @Field(() => String, { nullable: true, description: 'The ministry’s response to this question.' })
  ministryResponse: string | null;

  @Field(() => Int)
  answered: number;

  @Field(() => [OptionCountModel], {
    description: 'Choices and scales: counts per option, split by organisation kind.',
  })
  options: OptionCountModel[];

  @Field(() => [TextAnswerModel], { description: 'Text answers, per consent (confidential ones for moderators only).' })
  texts: TextAnswerModel[];
}

@ObjectType('ConsultationResults')
export class ConsultationResultsModel {
  @Field(() => String, { nullable: true, description: 'The ministry’s synthesis (Markdown).' })
  synthesis: string | null;

  @Field(() => Int)
  contributions: number;

  @Field(() => [KindCountModel])
  byKind: KindCountModel[];

  @Field(() => [QuestionResultModel])
  questions: QuestionResultModel[];
}

@ObjectType('ContributionRemark', { description: 'A member company’s remark on its federation’s draft position.' })
export class RemarkModel {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;

  organizationId: string;
  authorId: string;
}

@ObjectType()
export class RemarkPayload {
  @Field(() => RemarkModel)
  remark: RemarkModel;
}

@InputType()
export class AddContributionRemarkInput {
  @Field(() => ID)
  consultationId: string;

  @Field(() => ID)
  federationId: string;

  @Field(() => ID, { description: 'The member company you speak for.' })
  organizationId: string;

  @Field()
  body: string;
}

@ObjectType('MemberContribution', {
  description:
    'A member company’s contribution as its federation reads it: what the company SUBMITTED (its latest receipt), never its draft; CONFIDENTIAL contributions are never shared.',
})
export class MemberContributionModel {
  @Field(() => ID, { description: 'The company’s contribution.' })
  id: string;

  @Field(() => ContributionStatusEnum, {
    description: 'SUBMITTED, or CHANGED_SINCE_SUBMITTED when the company has edited its draft since (not shown).',
  })
  status: ContributionStatus;

  @Field(() => ConsentEnum, { description: 'The publication consent, as submitted.' })
  consent: Consent;

  @Field({ description: 'The tracking number of the submission shown.' })
  trackingNumber: string;

  @Field({ description: 'When the submission shown was received.' })
  submittedAt: Date;

  consultationId: string;
  organizationId: string;
  organizationName: string;
  answers: Record<string, unknown>;
}

@ObjectType()
export class MemberContributionConnection extends Connection(MemberContributionModel, 'MemberContribution') {}
