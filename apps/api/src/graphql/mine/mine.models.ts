import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { REPORT_STATUSES, ReportReason, ReportStatus } from '@majlis/moderation';
import type { ContentType } from '@majlis/moderation';
import { Connection } from '../common/connection.type';
import { graphqlEnum } from '../common/graphql-enum';
import { ContributionModel } from '../consultations/consultations.models';
import { AnnotationStatusEnum, AnnotationVisibilityEnum, MotivationEnum } from '../documents/documents.enums';
import { ContentTypeEnum, ReportReasonEnum } from '../moderation/moderation.models';

export const ReportStatusEnum = graphqlEnum(
  REPORT_STATUSES,
  'ReportStatus',
  'OPEN until a moderator acts on the content (hides, restores or keeps it), then CLOSED.',
);
export type ReportStatusEnum = (typeof ReportStatusEnum)[keyof typeof ReportStatusEnum];

@ObjectType('Report', { description: 'A report you made, as you read it back (others’ reports stay unknown to you).' })
export class ReportModel {
  @Field(() => ID)
  id: string;

  @Field(() => ContentTypeEnum)
  contentType: ContentType;

  @Field(() => ID)
  contentId: string;

  @Field(() => ReportReasonEnum)
  reason: ReportReason;

  @Field(() => String, { nullable: true })
  explanation: string | null;

  @Field(() => ReportStatusEnum)
  status: ReportStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a moderator’s action closed it.' })
  closedAt: Date | null;
}

@ObjectType()
export class ReportConnection extends Connection(ReportModel, 'Report') {}

@ObjectType()
export class ContributionConnection extends Connection(ContributionModel, 'Contribution') {}

@InputType()
export class MyReportsFilter {
  @Field(() => ReportStatusEnum, { nullable: true })
  status?: ReportStatus | null;

  @Field(() => ContentTypeEnum, { nullable: true })
  contentType?: ContentType | null;
}

@InputType()
export class MyAnnotationsFilter {
  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => MotivationEnum, { nullable: true })
  motivation?: MotivationEnum | null;

  @Field(() => AnnotationStatusEnum, { nullable: true })
  status?: AnnotationStatusEnum | null;

  @Field(() => AnnotationVisibilityEnum, { nullable: true })
  visibility?: AnnotationVisibilityEnum | null;
}

@InputType()
export class MyThreadsFilter {
  @Field(() => ID, { nullable: true })
  spaceId?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;
}

@InputType()
export class MyContributionsFilter {
  @Field(() => ID, { nullable: true, description: 'One of your organisations.' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'DRAFT or SUBMITTED.' })
  status?: 'DRAFT' | 'SUBMITTED' | null;
}

@InputType()
export class MyConsultationsFilter {
  @Field(() => ID, { nullable: true, description: 'One of your organisations.' })
  organizationId?: string | null;
}
