import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { EMAIL_FREQUENCIES, FOLLOWABLE_TYPES, SPACE_LEVELS } from '@majlis/notifications';
import { Connection } from '../common/connection.type';
import { graphqlEnum } from '../common/graphql-enum';
import { SearchTargetModel } from '../search/search.models';

export const NotificationKindEnum = graphqlEnum(
  ['MENTION', 'REPLY', 'OFFICIAL_ANSWER', 'MODERATION', 'ACTIVITY', 'DEADLINE_REMINDER'] as const,
  'NotificationKind',
  'Why you were told: mentions, replies to you, official answers to your annotations, moderation of your content and deadline reminders always notify; ACTIVITY is news in what you follow or watch.',
);
export const FollowableTypeEnum = graphqlEnum(
  FOLLOWABLE_TYPES,
  'FollowableType',
  'What can be followed. An ARTICLE is named `<documentId>:<articleKey>` (its stable key, e.g. `art-3`).',
);
export const SpaceNotificationLevelEnum = graphqlEnum(
  SPACE_LEVELS,
  'SpaceNotificationLevel',
  'WATCHING: every new thread and reply in the space; NORMAL: what you follow; MUTED: nothing but what always notifies.',
);
export const EmailFrequencyEnum = graphqlEnum(
  EMAIL_FREQUENCIES,
  'EmailFrequency',
  'How notifications reach you by e-mail: never, one by one at once, or a daily (default) or weekly digest of what you have not read in the app.',
);

@ObjectType('Notification', { description: 'One notification of your inbox.' })
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKindEnum)
  kind: string;

  @Field({ description: 'The type of what it is about: ANNOTATION, COMMENT, THREAD, CONSULTATION, …' })
  subjectType: string;

  @Field(() => ID)
  subjectId: string;

  @Field(() => String, { nullable: true, description: 'Who caused it (null for the platform: reminders).' })
  actorName: string | null;

  @Field(() => ID, { nullable: true })
  documentId: string | null;

  @Field(() => ID, { nullable: true })
  spaceId: string | null;

  @Field(() => ID, { nullable: true })
  consultationId: string | null;

  @Field({ description: 'The title of what it is about (a thread, a document, a consultation).' })
  title: string;

  @Field({ description: 'A short plain-text excerpt.' })
  excerpt: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field(() => SearchTargetModel, {
    nullable: true,
    description:
      'Where it opens, as a search hit’s target (the reader at the annotation and reply, a thread at the reply, a ' +
      'consultation); null when what it is about is no longer readable there (then open the inbox).',
  })
  target: SearchTargetModel | null;
}

@ObjectType()
export class NotificationConnection extends Connection(NotificationModel, 'Notification') {}

@ObjectType()
export class NotificationSettingsModel {
  @Field(() => EmailFrequencyEnum)
  emailFrequency: string;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID])
  ids: string[];
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => [NotificationModel])
  notifications: NotificationModel[];

  @Field(() => Int, { description: 'Your unread notifications left.' })
  unreadCount: number;
}

@ObjectType()
export class MarkAllNotificationsReadPayload {
  @Field(() => Int, { description: 'How many notifications were marked read.' })
  marked: number;

  @Field(() => Int)
  unreadCount: number;
}

@InputType()
export class FollowInput {
  @Field(() => FollowableTypeEnum)
  subjectType: string;

  @Field(() => ID, { description: 'The id, or `<documentId>:<articleKey>` for an ARTICLE.' })
  subjectId: string;
}

@ObjectType()
export class FollowPayload {
  @Field(() => FollowableTypeEnum)
  subjectType: string;

  @Field(() => ID)
  subjectId: string;

  @Field()
  following: boolean;
}

@InputType()
export class SetSpaceNotificationLevelInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => SpaceNotificationLevelEnum)
  level: string;
}

@ObjectType()
export class SpaceNotificationLevelPayload {
  @Field(() => ID)
  spaceId: string;

  @Field(() => SpaceNotificationLevelEnum)
  level: string;
}

@InputType()
export class UpdateNotificationSettingsInput {
  @Field(() => EmailFrequencyEnum)
  emailFrequency: string;
}

@ObjectType()
export class NotificationSettingsPayload {
  @Field(() => NotificationSettingsModel)
  settings: NotificationSettingsModel;
}

@InputType()
export class RequestPasswordResetInput {
  @Field()
  email: string;
}

@ObjectType()
export class RequestPasswordResetPayload {
  @Field({
    description: 'Always true: whether the address has an account is never revealed. If it has, a link was e-mailed.',
  })
  requested: boolean;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token of the e-mailed link.' })
  token: string;

  @Field()
  newPassword: string;
}

@ObjectType()
export class ResetPasswordPayload {
  @Field({ description: 'True once the password is changed; every session of the account has ended.' })
  reset: boolean;
}
