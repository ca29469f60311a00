import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { postCommentInput } from '@majlis/discussions';
import { zodDefault } from '../common/zod-default';
import { EndorsableEnum, SubjectTypeEnum } from './discussions.models';

/** How a mention is written in a body (what a client's autocomplete inserts, from `mentionable`). */
export const MENTION_SYNTAX =
  'Mention someone as `@[Display name](user:<their id>)`, e.g. `@[Khadija Alaoui](user:3f2b…)`, with the id from ' +
  'the `mentionable` query; a plain "@Khadija" is only text. Rendered, a mention shows the name; it is resolved ' +
  'when posted (at most 20 per text), and only people who can read the conversation are mentioned.';

@InputType()
export class PostCommentInput {
  @Field(() => SubjectTypeEnum)
  subjectType: SubjectTypeEnum;

  @Field(() => ID)
  subjectId: string;

  @Field(() => ID, { nullable: true, description: 'The comment replied to; none for a reply to the subject itself.' })
  parentId?: string | null;

  @Field({ description: `Markdown, at most 10 000 characters. ${MENTION_SYNTAX}` })
  body: string;

  @Field({
    defaultValue: zodDefault(postCommentInput.shape.official),
    description: 'Moderators: mark it as the ministry’s official answer.',
  })
  official: boolean;

  @Field(() => ID, { nullable: true })
  onBehalfOfOrganizationId?: string | null;
}

@InputType()
export class EditCommentInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({
    description:
      'Markdown, at most 10 000 characters; mentions are written as in PostCommentInput.body (those of the ' +
      'first text stay recorded).',
  })
  body: string;
}

@InputType()
export class CommentIdInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class EndorseInput {
  @Field(() => EndorsableEnum)
  subjectType: EndorsableEnum;

  @Field(() => ID)
  id: string;
}
