import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { createAnnotationInput } from '@majlis/documents';
import { zodDefault } from '../common/zod-default';
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

@InputType({
  description:
    'The selected passage in the version’s plain text, named one of two ways. (1) A position: `start` and `end` in ' +
    'UTF-16 code units (what a browser’s DOM counts; `describeSelection` gives the quote of a range), with `exact` ' +
    'the text there and optional `prefix`/`suffix` right before/after it. (2) A quote, without offsets: `exact` as ' +
    'it reads in the text, found by the server; when it occurs several times, narrow it with a `prefix` and/or ' +
    '`suffix` (any length, immediately before/after it) and/or `occurrence` (1 = the first remaining). The server ' +
    'stores the resolved TextQuote (its own 32 code units of context) + TextPosition. BAD_USER_INPUT when the quote ' +
    'is not found, or occurs several times without a hint.',
})
export class TextTargetInput {
  @Field({ description: 'The selected text, exactly as in the plain text.' })
  exact: string;

  @Field({
    defaultValue: zodDefault(createAnnotationInput.innerType().shape.target.shape.prefix),
    description: 'Text immediately before the selection (with a position: must match).',
  })
  prefix: string;

  @Field({
    defaultValue: zodDefault(createAnnotationInput.innerType().shape.target.shape.suffix),
    description: 'Text immediately after the selection (with a position: must match).',
  })
  suffix: string;

  @Field(() => Int, { nullable: true, description: 'UTF-16 code units; with `end`, or omit both to give a quote.' })
  start?: number | null;

  @Field(() => Int, { nullable: true, description: 'UTF-16 code units, exclusive.' })
  end?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Without offsets: which occurrence of `exact` (after prefix/suffix filtering), counting from 1.',
  })
  occurrence?: number | null;
}

@InputType()
export class CreateAnnotationInput {
  @Field(() => ID)
  documentId: string;

  @Field(() => Int, {
    description:
      'The version the passage was selected in. An older version than the latest is accepted: the annotation is then ' +
      're-anchored at once onto every later version, with the same rules as publishing, so it also stands on the ' +
      'current version (see `Annotation.currentAnchor`) with its state there.',
  })
  versionNumber: number;

  @Field(() => TextTargetInput)
  target: TextTargetInput;

  @Field(() => MotivationEnum)
  motivation: MotivationEnum;

  @Field({ description: 'Markdown, at most 10 000 characters.' })
  body: string;

  @Field(() => String, { nullable: true, description: 'Required for AMENDING: the proposed replacement text.' })
  suggestedText?: string | null;

  @Field(() => AnnotationVisibilityEnum, {
    defaultValue: zodDefault(createAnnotationInput.innerType().shape.visibility),
  })
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

  @Field(() => String, {
    nullable: true,
    description: 'Annotations whose text holds these words (as `search` matches them).',
  })
  text?: string | null;
}
