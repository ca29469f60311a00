import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { createSpaceInput, createThreadInput } from '@majlis/discussions';
import { zodDefault } from '../common/zod-default';
import { CitationInput } from '../common/citation.input';
import { SpaceRoleEnum, SpaceVisibilityEnum } from './spaces.models';

@InputType()
export class CreateSpaceInput {
  @Field()
  name: string;

  @Field({ description: 'Lower-case words joined by hyphens, unique.' })
  slug: string;

  @Field({ defaultValue: zodDefault(createSpaceInput.shape.description) })
  description: string;

  @Field(() => ID)
  ownerOrganizationId: string;

  @Field(() => SpaceVisibilityEnum)
  visibility: SpaceVisibilityEnum;
}

@InputType()
export class AddSpaceMemberInput {
  @Field(() => ID)
  spaceId: string;

  @Field(() => ID, { nullable: true, description: 'A person…' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: '…or a whole organisation (its members, for as long as they are).' })
  organizationId?: string | null;

  @Field(() => SpaceRoleEnum)
  role: SpaceRoleEnum;
}

@InputType()
export class SpaceMemberIdInput {
  @Field(() => ID)
  memberId: string;
}

@InputType()
export class SpaceMemberRoleInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => SpaceRoleEnum)
  role: SpaceRoleEnum;
}

const THREAD_BODY =
  'Markdown. A mention is written `@[Display name](user:<their id>)` (ids from `mentionable`) and shows the name; ' +
  'a plain "@Name" is only text. People are notified of mentions in replies (PostCommentInput.body).';

@InputType()
export class CreateThreadInput {
  @Field(() => ID)
  spaceId: string;

  @Field()
  title: string;

  @Field({ description: THREAD_BODY })
  body: string;

  @Field(() => [String], { defaultValue: zodDefault(createThreadInput.shape.tags) })
  tags: string[];

  @Field(() => CitationInput, { nullable: true })
  citation?: CitationInput | null;

  @Field(() => ID, { nullable: true })
  onBehalfOfOrganizationId?: string | null;
}

@InputType()
export class EditThreadInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true, description: THREAD_BODY })
  body?: string;

  @Field(() => [String], { nullable: true })
  tags?: string[];
}

@InputType()
export class ThreadIdInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class SetThreadFlagInput {
  @Field(() => ID)
  id: string;

  @Field()
  value: boolean;
}

@InputType({
  description: 'Lock or unlock a thread from its page: the moderation queue’s LOCK / UNLOCK, with its reason.',
})
export class SetThreadLockedInput {
  @Field(() => ID)
  id: string;

  @Field({ description: 'true locks the thread (no new replies), false unlocks it.' })
  value: boolean;

  @Field({
    description: 'Why, for the moderation log (as the queue’s LOCK and UNLOCK ask): one line, at most 500 characters.',
  })
  reason: string;
}

@InputType()
export class ThreadFilterInput {
  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Threads whose title, text or tags hold these words (as `search` matches them).',
  })
  text?: string | null;
}
