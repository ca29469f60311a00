import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { EndorsableEnum, SubjectTypeEnum } from './discussions.models';

@InputType()
export class PostCommentInput {
  @Field(() => SubjectTypeEnum)
  subjectType: SubjectTypeEnum;

  @Field(() => ID)
  subjectId: string;

  @Field(() => ID, { nullable: true, description: 'The comment replied to; none for a reply to the subject itself.' })
  parentId?: string | null;

  @Field({ description: 'Markdown, at most 10 000 characters.' })
  body: string;

  @Field({ defaultValue: false, description: 'Moderators: mark it as the ministry’s official answer.' })
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

  @Field()
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
