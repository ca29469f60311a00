import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { ReportStatus } from '@majlis/moderation';
import type { ContentType } from '@majlis/moderation';
import { Connection } from '../common/connection.type';
import { ContributionModel } from '../consultations/consultations.models';
import { AnnotationStatusEnum, AnnotationVisibilityEnum, MotivationEnum } from '../documents/documents.enums';
import { ContentTypeEnum, ReportStatusEnum } from '../moderation/moderation.enums';
import { ReportModel } from '../moderation/moderation.models';

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
