import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DOMAIN_EVENT_TYPES, EVENT_SUBJECT_TYPES } from '@majlis/kernel';
import { graphqlEnum } from '../common/graphql-enum';

export const LiveEventTypeEnum = graphqlEnum(
  DOMAIN_EVENT_TYPES,
  'LiveEventType',
  'What happened. CONTENT_HIDDEN: moderation hid it (remove it from the screen); CONTENT_RESTORED: it is back.',
);
export type LiveEventTypeEnum = (typeof LiveEventTypeEnum)[keyof typeof LiveEventTypeEnum];
export const LiveSubjectTypeEnum = graphqlEnum(EVENT_SUBJECT_TYPES, 'LiveSubjectType');
export type LiveSubjectTypeEnum = (typeof LiveSubjectTypeEnum)[keyof typeof LiveSubjectTypeEnum];

@ObjectType('LiveEvent', {
  description:
    'Something happened to a subject you may read: ids only. Read what you need with the usual queries (they apply ' +
    'the same rules). Keep the last `seq` you received, and give it as `after` when you subscribe again.',
})
export class LiveEventModel {
  @Field(() => String, { description: 'The event’s position in the sequence of all events (a 64-bit integer).' })
  seq!: string;
  @Field(() => LiveEventTypeEnum)
  type!: LiveEventTypeEnum;
  @Field(() => LiveSubjectTypeEnum)
  subjectType!: LiveSubjectTypeEnum;
  @Field(() => ID)
  subjectId!: string;
  @Field(() => LiveSubjectTypeEnum, { nullable: true, description: 'For a reply: what it answers.' })
  parentType!: LiveSubjectTypeEnum | null;
  @Field(() => ID, { nullable: true })
  parentId!: string | null;
  @Field(() => ID, { nullable: true })
  documentId!: string | null;
  @Field(() => ID, { nullable: true })
  spaceId!: string | null;
  @Field(() => ID, { nullable: true })
  threadId!: string | null;
  @Field(() => ID, { nullable: true })
  consultationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Who caused it (null: the platform itself, e.g. auto-hiding).' })
  actorId!: string | null;
  @Field(() => Date)
  createdAt!: Date;
}
