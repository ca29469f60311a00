import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Consent, ContributionStatus, QuestionKind } from '@majlis/consultations';
import { Connection } from '../common/connection.type';
import { OrganizationKindEnum } from '../identity/identity.enums';
import {
  ConsentEnum,
  ContributionChangeKindEnum,
  ContributionStatusEnum,
  KindGroupEnum,
  QuestionKindEnum,
} from './consultations.enums';

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
      'When the server (or the trusted proxy in front of it, by its X-Request-Start) received the submission, before any queueing. Accepted if and only if before the consultation’s `closesAt`.',
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
