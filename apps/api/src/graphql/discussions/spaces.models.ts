import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SPACE_ROLES, SPACE_VISIBILITIES, SpaceRole, SpaceVisibility } from '@majlis/discussions';
import { graphqlEnum } from '../common/graphql-enum';
import { Connection } from '../common/connection.type';
import { UserModel } from '../identity/identity.models';
import { ModerationStateModel } from '../moderation/moderation.models';
import { OrganizationModel } from '../identity/identity.models';
import { deletedField } from '../common/row-fields';
import {
  shownThreadField,
  threadActivityField,
  threadAuthor,
  threadBodyHtml,
  threadModerationState,
  threadOrganization,
} from './thread.fields';

export const SpaceVisibilityEnum = graphqlEnum(
  SPACE_VISIBILITIES,
  'SpaceVisibility',
  'PUBLIC: everyone signed in reads and posts. RESTRICTED: everyone reads, members post. PRIVATE: members only.',
);
export type SpaceVisibilityEnum = (typeof SpaceVisibilityEnum)[keyof typeof SpaceVisibilityEnum];
export const SpaceRoleEnum = graphqlEnum(SPACE_ROLES, 'SpaceRole');
export type SpaceRoleEnum = (typeof SpaceRoleEnum)[keyof typeof SpaceRoleEnum];

@ObjectType('Space', { description: 'A discussion space owned by an organisation.' })
export class SpaceModel {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => SpaceVisibilityEnum)
  visibility: SpaceVisibility;

  @Field()
  createdAt: Date;

  ownerOrganizationId: string;
}

@ObjectType('SpaceMember', { description: 'A person, or a whole organisation, with a role in a space.' })
export class SpaceMemberModel {
  @Field(() => ID)
  id: string;

  @Field(() => SpaceRoleEnum)
  role: SpaceRole;

  userId: string | null;
  organizationId: string | null;
}

@ObjectType('Thread', { description: 'A conversation in a space.' })
export class ThreadModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Null (the placeholder of redacted content) once deleted, or while hidden by moderation.',
    middleware: [shownThreadField((thread) => thread.title)],
  })
  title: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Null once deleted, or while hidden by moderation.',
    middleware: [shownThreadField((thread) => thread.tags)],
  })
  tags: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Null once deleted, or while hidden by moderation.',
    middleware: [shownThreadField((thread) => thread.body)],
  })
  bodyMarkdown: string | null;

  @Field(() => String, { nullable: true, middleware: [threadBodyHtml] })
  bodyHtml: string | null;

  @Field(() => UserModel, { nullable: true, middleware: [threadAuthor] })
  author: UserModel | null;

  @Field(() => OrganizationModel, {
    nullable: true,
    description: 'The organisation spoken for, if any; null once deleted or while hidden.',
    middleware: [threadOrganization],
  })
  organization: OrganizationModel | null;

  @Field(() => ModerationStateModel, {
    nullable: true,
    description: 'For its author and moderators: whether moderation hid it, and why.',
    middleware: [threadModerationState],
  })
  moderation: ModerationStateModel | null;

  @Field(() => Boolean, { middleware: [deletedField] })
  isDeleted: boolean;

  @Field()
  pinned: boolean;

  @Field()
  locked: boolean;

  @Field()
  lastActivityAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;

  @Field(() => Int, { middleware: [threadActivityField('replyCount')] })
  replyCount: number;

  @Field(() => Int, {
    description: 'People who wrote in it, its author included.',
    middleware: [threadActivityField('participantCount')],
  })
  participantCount: number;

  @Field(() => Int, {
    description: 'Replies by others since you last read it.',
    middleware: [threadActivityField('unreadCount')],
  })
  unreadCount: number;
}

@ObjectType('Citation', { description: 'The article of a document version a thread is about.' })
export class CitationModel {
  @Field()
  sectionKey: string;

  @Field(() => ID, { description: 'The cited document (open it at `version.number`, article `sectionKey`).' })
  documentId: string;
  versionId: string;
}

@ObjectType()
export class SpaceConnection extends Connection(SpaceModel, 'Space') {}

@ObjectType()
export class ThreadConnection extends Connection(ThreadModel, 'Thread') {}

@ObjectType()
export class SpacePayload {
  @Field(() => SpaceModel)
  space: SpaceModel;
}

@ObjectType()
export class SpaceMemberPayload {
  @Field(() => SpaceMemberModel)
  member: SpaceMemberModel;
}

@ObjectType()
export class ThreadPayload {
  @Field(() => ThreadModel)
  thread: ThreadModel;
}
