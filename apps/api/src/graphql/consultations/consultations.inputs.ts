import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Consent, QuestionKind } from '@majlis/consultations';
import { CitationInput } from '../common/citation.input';
import { OrganizationKindEnum } from '../identity/identity.enums';
import { ConsentEnum, QuestionKindEnum } from './consultations.enums';

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
