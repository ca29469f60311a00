import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ENDORSABLE_TYPES, REPLY_SUBJECT_TYPES } from '@majlis/discussions';
import { graphqlEnum } from '../common/graphql-enum';
import { Connection } from '../common/connection.type';
import { deletedField } from '../common/row-fields';
import { OrganizationModel, UserModel } from '../identity/identity.models';
import { ModerationStateModel } from '../moderation/moderation.models';
import {
  commentAuthor,
  commentBodyHtml,
  commentBodyMarkdown,
  commentModerationState,
  commentOrganization,
} from './comment.fields';

export const SubjectTypeEnum = graphqlEnum(REPLY_SUBJECT_TYPES, 'CommentSubjectType', 'What a conversation is about.');
export type SubjectTypeEnum = (typeof SubjectTypeEnum)[keyof typeof SubjectTypeEnum];

export const EndorsableEnum = graphqlEnum(ENDORSABLE_TYPES, 'EndorsableType');
export type EndorsableEnum = (typeof EndorsableEnum)[keyof typeof EndorsableEnum];

@ObjectType('Comment', { description: 'A reply in a conversation (tree of depth ≤ 3).' })
export class CommentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => Int, { description: '1 for a reply to the subject, up to 3.' })
  depth: number;

  @Field({ description: 'The ministry’s official answer.' })
  isOfficial: boolean;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;

  // Per-row fields, each resolved by its field middleware (comment.fields.ts) rather than a @ResolveField method.

  @Field(() => String, {
    nullable: true,
    description: 'Null once deleted or hidden (the tombstone keeps its place).',
    middleware: [commentBodyMarkdown],
  })
  bodyMarkdown: string | null;

  @Field(() => String, { nullable: true, middleware: [commentBodyHtml] })
  bodyHtml: string | null;

  @Field(() => ModerationStateModel, {
    nullable: true,
    description: 'For its author and moderators: whether moderation hid it, and why.',
    middleware: [commentModerationState],
  })
  moderation: ModerationStateModel | null;

  @Field(() => Boolean, { middleware: [deletedField] })
  isDeleted: boolean;

  @Field(() => UserModel, { nullable: true, description: 'Null once deleted or hidden.', middleware: [commentAuthor] })
  author: UserModel | null;

  @Field(() => OrganizationModel, {
    nullable: true,
    description: 'The organisation spoken for, if any.',
    middleware: [commentOrganization],
  })
  organization: OrganizationModel | null;
}

@ObjectType('CommentRevision', { description: 'The text a comment had before an edit.' })
export class CommentRevisionModel {
  @Field()
  body: string;

  @Field({ description: 'When it was replaced.' })
  createdAt: Date;
}

@ObjectType()
export class CommentConnection extends Connection(CommentModel, 'Comment') {}

@ObjectType()
export class CommentPayload {
  @Field(() => CommentModel)
  comment: CommentModel;
}

@ObjectType()
export class EndorsementPayload {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  endorsementCount: number;

  @Field()
  viewerHasEndorsed: boolean;
}
