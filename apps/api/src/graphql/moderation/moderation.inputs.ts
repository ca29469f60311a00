import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ContentAction, ContentType, ReportReason } from '@majlis/moderation';
import { ContentActionEnum, ContentTypeEnum, ReportReasonEnum, UserActionEnum } from './moderation.enums';

@InputType()
export class ReportContentInput {
  @Field(() => ContentTypeEnum)
  contentType: ContentType;

  @Field(() => ID)
  contentId: string;

  @Field(() => ReportReasonEnum)
  reason: ReportReason;

  @Field(() => String, { nullable: true })
  explanation?: string | null;
}

@InputType()
export class ModerateContentInput {
  @Field(() => ContentTypeEnum)
  contentType: ContentType;

  @Field(() => ID)
  contentId: string;

  @Field(() => ContentActionEnum)
  action: ContentAction;

  @Field()
  reason: string;

  @Field(() => String, { nullable: true, description: 'Seen by moderators only.' })
  internalNote?: string | null;

  @Field(() => Int, { description: 'The version shown in the queue (0 for content never reported).' })
  version: number;
}

@InputType()
export class ModerateUserInput {
  @Field(() => ID)
  userId: string;

  @Field(() => UserActionEnum)
  action: UserActionEnum;

  @Field()
  reason: string;

  @Field(() => String, { nullable: true })
  internalNote?: string | null;

  @Field(() => Date, { nullable: true, description: 'SUSPEND until then; indefinitely without it.' })
  until?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The person’s version you saw (User.version): required to change a suspension in force; when given, another ' +
      'moderator’s change since then answers CONFLICT.',
  })
  version?: number | null;
}

@InputType()
export class ModerationLogFilter {
  @Field(() => String, {
    nullable: true,
    description: 'HIDE, RESTORE, KEEP, LOCK, UNLOCK, SUSPEND, REINSTATE or AUTO_HIDE.',
  })
  action?: string | null;

  @Field(() => ID, { nullable: true })
  moderatorId?: string | null;

  @Field(() => ContentTypeEnum, { nullable: true })
  contentType?: ContentType | null;

  @Field(() => ID, { nullable: true })
  contentId?: string | null;

  @Field(() => ID, { nullable: true })
  targetUserId?: string | null;
}

@InputType()
export class ModerationQueueFilter {
  @Field(() => ReportReasonEnum, { nullable: true })
  reason?: ReportReasonEnum | null;

  @Field(() => ID, { nullable: true })
  spaceId?: string | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => Boolean, { nullable: true })
  hidden?: boolean | null;
}
