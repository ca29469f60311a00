import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../common/connection.type';

export enum SpaceVisibilityEnum {
  PUBLIC = 'PUBLIC',
  RESTRICTED = 'RESTRICTED',
  PRIVATE = 'PRIVATE',
}
registerEnumType(SpaceVisibilityEnum, {
  name: 'SpaceVisibility',
  description: 'PUBLIC: everyone signed in reads and posts. RESTRICTED: everyone reads, members post. PRIVATE: members only.',
});

export enum SpaceRoleEnum {
  OWNER = 'OWNER',
  MODERATOR = 'MODERATOR',
  PARTICIPANT = 'PARTICIPANT',
  OBSERVER = 'OBSERVER',
}
registerEnumType(SpaceRoleEnum, { name: 'SpaceRole' });

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
  visibility: SpaceVisibilityEnum;

  @Field()
  createdAt: Date;

  ownerOrganizationId: string;
}

@ObjectType('SpaceMember', { description: 'A person, or a whole organisation, with a role in a space.' })
export class SpaceMemberModel {
  @Field(() => ID)
  id: string;

  @Field(() => SpaceRoleEnum)
  role: SpaceRoleEnum;

  userId: string | null;
  organizationId: string | null;
}

@ObjectType('Thread', { description: 'A conversation in a space.' })
export class ThreadModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => [String])
  tags: string[];

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
}

@ObjectType('Citation', { description: 'The article of a document version a thread is about.' })
export class CitationModel {
  @Field()
  sectionKey: string;

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
