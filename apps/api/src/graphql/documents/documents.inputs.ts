import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { LocaleEnum } from '../identity/identity.enums';
import {
  AnnotationStatusEnum,
  AnnotationVisibilityEnum,
  DispositionEnum,
  DocumentKindEnum,
  DocumentStatusEnum,
  MotivationEnum,
} from './documents.enums';

@InputType()
export class CreateDocumentInput {
  @Field(() => DocumentKindEnum)
  kind: DocumentKindEnum;

  @Field()
  reference: string;

  @Field()
  title: string;

  @Field(() => LocaleEnum, { nullable: true })
  language?: LocaleEnum;

  @Field(() => Date, { nullable: true })
  commentsOpenAt?: Date | null;

  @Field(() => Date, { nullable: true })
  commentsCloseAt?: Date | null;
}

@InputType()
export class UpdateDocumentInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => DocumentStatusEnum, { nullable: true })
  status?: DocumentStatusEnum;

  @Field(() => Date, { nullable: true })
  commentsOpenAt?: Date | null;

  @Field(() => Date, { nullable: true })
  commentsCloseAt?: Date | null;
}

@InputType()
export class PublishDocumentVersionInput {
  @Field(() => ID)
  documentId: string;

  @Field({ description: 'The whole text in Markdown; articles are headings "Article N — Title".' })
  markdown: string;

  @Field({ description: 'What changed, for readers.' })
  changeNote: string;
}

@InputType({ description: 'The selected passage, as the reader’s browser saw it in the version’s plain text.' })
export class TextTargetInput {
  @Field()
  exact: string;

  @Field({ defaultValue: '' })
  prefix: string;

  @Field({ defaultValue: '' })
  suffix: string;

  @Field(() => Int, { description: 'UTF-16 code units.' })
  start: number;

  @Field(() => Int)
  end: number;
}

@InputType()
export class CreateAnnotationInput {
  @Field(() => ID)
  documentId: string;

  @Field(() => Int)
  versionNumber: number;

  @Field(() => TextTargetInput)
  target: TextTargetInput;

  @Field(() => MotivationEnum)
  motivation: MotivationEnum;

  @Field({ description: 'Markdown, at most 10 000 characters.' })
  body: string;

  @Field(() => String, { nullable: true, description: 'Required for AMENDING: the proposed replacement text.' })
  suggestedText?: string | null;

  @Field(() => AnnotationVisibilityEnum, { defaultValue: AnnotationVisibilityEnum.PUBLIC })
  visibility: AnnotationVisibilityEnum;

  @Field(() => ID, { nullable: true, description: 'Post on behalf of this organisation (its representatives only).' })
  onBehalfOfOrganizationId?: string | null;
}

@InputType()
export class UpdateAnnotationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  body?: string;

  @Field(() => String, { nullable: true })
  suggestedText?: string;
}

@InputType()
export class AnnotationIdInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class AnswerAnnotationInput {
  @Field(() => ID)
  id: string;

  @Field(() => DispositionEnum)
  disposition: DispositionEnum;

  @Field()
  rationale: string;

  @Field(() => AnnotationStatusEnum, {
    nullable: true,
    description:
      'ANSWERED by default, or RESOLVED. OPEN answers BAD_USER_INPUT: an answered annotation cannot be OPEN. ' +
      'Answering again adds to `Annotation.answers`; the earlier answers are kept.',
  })
  status?: AnnotationStatusEnum;
}

@InputType()
export class AnnotationFilterInput {
  @Field(() => String, { nullable: true })
  sectionKey?: string | null;

  @Field(() => MotivationEnum, { nullable: true })
  motivation?: MotivationEnum | null;

  @Field(() => AnnotationStatusEnum, { nullable: true })
  status?: AnnotationStatusEnum | null;

  @Field(() => AnnotationVisibilityEnum, { nullable: true })
  visibility?: AnnotationVisibilityEnum | null;

  @Field(() => ID, { nullable: true, description: 'Annotations posted on behalf of this organisation.' })
  organizationId?: string | null;
}
