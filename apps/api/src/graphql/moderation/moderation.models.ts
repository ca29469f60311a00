import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ContentType, ReportOutcome, ReportReason } from '@majlis/moderation';
import { Connection } from '../common/connection.type';
import { ContentTypeEnum, ReportOutcomeEnum, ReportReasonEnum, ReportStatusEnum } from './moderation.enums';

@ObjectType('ModerationState', {
  description: 'Whether moderation hid a piece of content, and why (for its author and moderators).',
})
export class ModerationStateModel {
  @Field()
  hidden: boolean;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => Date, { nullable: true })
  hiddenAt: Date | null;
}

@ObjectType('ReasonCount')
export class ReasonCountModel {
  @Field(() => ReportReasonEnum)
  reason: ReportReason;

  @Field(() => Int)
  count: number;
}

@ObjectType('ContentLocator', {
  description:
    'Where a piece of content lives, to open it in place: an annotation (or a reply under one) in its document, ' +
    'version and article; a thread (or a reply in it) in its space; a reply on a contribution in its consultation. ' +
    'What does not apply is null.',
})
export class ContentLocatorModel {
  @Field(() => ID, { nullable: true })
  documentId: string | null;

  @Field(() => ID, { nullable: true, description: 'The version the annotation was made on.' })
  versionId: string | null;

  @Field(() => Int, { nullable: true })
  versionNumber: number | null;

  @Field(() => String, { nullable: true, description: 'The article (stable key, e.g. "art-3").' })
  sectionKey: string | null;

  @Field(() => ID, { nullable: true, description: 'The annotation itself, or the one a reply answers.' })
  annotationId: string | null;

  @Field(() => ID, { nullable: true })
  spaceId: string | null;

  @Field(() => ID, { nullable: true, description: 'The thread itself, or the one a reply answers.' })
  threadId: string | null;

  @Field(() => ID, { nullable: true })
  consultationId: string | null;

  @Field(() => ID, { nullable: true, description: 'The contribution an internal reply discusses.' })
  contributionId: string | null;
}

@ObjectType('ModerationQueueItem', {
  description: 'A piece of reported content with its open reports (reporters are not named).',
})
export class QueueItemModel {
  @Field(() => ContentTypeEnum)
  contentType: ContentType;

  @Field(() => ID)
  contentId: string;

  @Field()
  hidden: boolean;

  @Field(() => Int, { description: 'Pass it back with an action.' })
  version: number;

  @Field(() => ID, { nullable: true })
  spaceId: string | null;

  @Field(() => ID, { nullable: true })
  documentId: string | null;

  @Field(() => Int)
  openReports: number;

  @Field(() => [ReasonCountModel])
  reasons: ReasonCountModel[];

  @Field(() => [String], { description: 'The reporters’ explanations.' })
  explanations: string[];

  @Field()
  oldestReportAt: Date;

  @Field()
  excerpt: string;

  @Field(() => ContentLocatorModel, { description: 'Where to open it in place.' })
  locator: ContentLocatorModel;

  authorId: string | null;
}

@ObjectType('ModerationAction', { description: 'An entry of the append-only moderation log.' })
export class ModerationActionModel {
  @Field(() => ID)
  id: string;

  @Field()
  action: string;

  @Field(() => String, { nullable: true })
  contentType: string | null;

  @Field(() => ID, { nullable: true })
  contentId: string | null;

  @Field()
  reason: string;

  @Field(() => String, { nullable: true })
  internalNote: string | null;

  @Field(() => Date, { nullable: true })
  suspendedUntil: Date | null;

  @Field()
  createdAt: Date;

  moderatorId: string | null;
  targetUserId: string | null;
}

@ObjectType()
export class ModerationQueueConnection extends Connection(QueueItemModel, 'ModerationQueueItem') {}

@ObjectType()
export class ModerationLogConnection extends Connection(ModerationActionModel, 'ModerationAction') {}

@ObjectType('Report', {
  description:
    'A report, as the person who made it reads it: its status, and the outcome once a moderator acted. ' +
    'Only its reporter reads it (others get NOT_FOUND); other people’s reports stay unknown.',
})
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
  status: 'OPEN' | 'CLOSED';

  @Field(() => ReportOutcomeEnum, {
    nullable: true,
    description: 'Null while OPEN (and for reports closed before outcomes were recorded).',
  })
  outcome: ReportOutcome | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;
}
