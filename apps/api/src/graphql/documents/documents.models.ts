import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection.type';
import { LocaleEnum } from '../identity/identity.enums';
import { deletedField } from '../common/row-fields';
import { OrganizationModel, UserModel } from '../identity/identity.models';
import { ModerationStateModel } from '../moderation/moderation.models';
import {
  annotationAnswer,
  annotationAuthor,
  annotationBodyExcerpt,
  annotationBodyHtml,
  annotationBodyMarkdown,
  annotationEndorsementCount,
  annotationModerationState,
  annotationListedAnchor,
  annotationOrganization,
  annotationReplyCount,
  annotationSuggestedText,
  annotationTarget,
  annotationViewerHasEndorsed,
} from './annotation.fields';
import {
  AnchorStatusEnum,
  AnnotationStatusEnum,
  AnnotationVisibilityEnum,
  DiffOperationEnum,
  DispositionEnum,
  DocumentKindEnum,
  DocumentStatusEnum,
  MotivationEnum,
  SectionChangeEnum,
} from './documents.enums';

@ObjectType('Document', { description: 'A text under shared reading: the circular, the contrat-programme, …' })
export class DocumentModel {
  @Field(() => ID)
  id: string;

  @Field(() => DocumentKindEnum)
  kind: DocumentKindEnum;

  @Field({ description: 'E.g. "Circulaire 15/2025".' })
  reference: string;

  @Field()
  title: string;

  @Field(() => LocaleEnum)
  language: LocaleEnum;

  @Field(() => DocumentStatusEnum)
  status: DocumentStatusEnum;

  @Field(() => Date, { nullable: true })
  commentsOpenAt: Date | null;

  @Field(() => Date, { nullable: true })
  commentsCloseAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType('DocumentSection', { description: 'An article of a version.' })
export class DocumentSectionModel {
  @Field({ description: 'Stable across versions ("art-3"): the same article keeps its key when renumbered or moved.' })
  key: string;

  @Field(() => Int, { description: 'The article number as published in this version.' })
  number: number;

  @Field()
  title: string;

  @Field()
  heading: string;

  @Field(() => Int, { description: 'UTF-16 offset of the heading in the version’s plain text.' })
  start: number;

  @Field(() => Int)
  end: number;
}

@ObjectType('DocumentVersion', { description: 'One immutable published text of a document.' })
export class DocumentVersionModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  number: number;

  @Field()
  changeNote: string;

  @Field()
  publishedAt: Date;

  @Field(() => ID, { description: 'The document it is a version of (to link to it in the reader).' })
  documentId: string;
}

@ObjectType('TextTarget', {
  description: 'A passage: W3C TextQuoteSelector and TextPositionSelector (UTF-16 code units).',
})
export class TextTargetModel {
  @Field()
  exact: string;

  @Field()
  prefix: string;

  @Field()
  suffix: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  @Field(() => String, { nullable: true, description: 'The article the passage starts in.' })
  sectionKey: string | null;
}

@ObjectType('AnnotationAnchor', { description: 'Where an annotation stands on the version it is read through.' })
export class AnnotationAnchorModel {
  @Field(() => AnchorStatusEnum)
  status: AnchorStatusEnum;

  @Field(() => Float, {
    description:
      '1 for EXACT and MOVED; for FUZZY, the match quality against the original quote (in [0.7, 1), never compounded across versions); 0 for ORPHANED.',
  })
  score: number;

  @Field(() => TextTargetModel, { nullable: true, description: 'Null when ORPHANED.' })
  target: TextTargetModel | null;
}

@ObjectType('SelectionDescription', {
  description:
    'A range of a version’s plain text described for annotating: its quote with 32 code units of context on each side, and its article.',
})
export class SelectionDescriptionModel {
  @Field()
  exact: string;

  @Field()
  prefix: string;

  @Field()
  suffix: string;

  @Field(() => Int, { description: 'UTF-16 code units, as given.' })
  start: number;

  @Field(() => Int)
  end: number;

  @Field(() => DocumentSectionModel, {
    nullable: true,
    description: 'The article the range starts in (key and number); null before the first article.',
  })
  section: DocumentSectionModel | null;

  @Field(() => DocumentVersionModel)
  version: DocumentVersionModel;
}

@ObjectType('AnnotationAnswer', { description: 'The ministry’s official answer ("you said, we did").' })
export class AnnotationAnswerModel {
  @Field(() => DispositionEnum)
  disposition: DispositionEnum;

  @Field()
  rationale: string;

  @Field(() => AnnotationStatusEnum, { description: 'The status this answer gave: ANSWERED or RESOLVED, never OPEN.' })
  status: AnnotationStatusEnum;

  @Field()
  answeredAt: Date;

  answeredById: string;
}

@ObjectType('Annotation', { description: 'A remark on a precise passage of a version.' })
export class AnnotationModel {
  @Field(() => ID)
  id: string;

  @Field(() => MotivationEnum)
  motivation: MotivationEnum;

  @Field(() => AnnotationVisibilityEnum)
  visibility: AnnotationVisibilityEnum;

  @Field(() => AnnotationStatusEnum)
  status: AnnotationStatusEnum;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int)
  version: number;

  // Per-row fields, each resolved by its field middleware (annotation.fields.ts) rather than a @ResolveField method.

  @Field(() => String, {
    nullable: true,
    description: 'The body as written (Markdown); null once deleted or hidden.',
    middleware: [annotationBodyMarkdown],
  })
  bodyMarkdown: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The body rendered to safe HTML; null once deleted or hidden.',
    middleware: [annotationBodyHtml],
  })
  bodyHtml: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The body’s words as plain text, without Markdown, at most 200 characters (ending with “…” when shortened), ' +
      'for lists; null once deleted or hidden.',
    middleware: [annotationBodyExcerpt],
  })
  bodyExcerpt: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For AMENDING: the proposed replacement text.',
    middleware: [annotationSuggestedText],
  })
  suggestedText: string | null;

  @Field(() => Boolean, {
    description: 'Deleted by its author; kept as a tombstone while replies hang under it.',
    middleware: [deletedField],
  })
  isDeleted: boolean;

  @Field(() => TextTargetModel, {
    description: 'The passage as selected, on the version it was made on.',
    middleware: [annotationTarget],
  })
  target: TextTargetModel;

  @Field(() => AnnotationAnchorModel, {
    nullable: true,
    description: 'Where it stands on the version it was listed for; null when read on its own.',
    middleware: [annotationListedAnchor],
  })
  anchor: AnnotationAnchorModel | null;

  @Field(() => Int, { middleware: [annotationReplyCount] })
  replyCount: number;

  @Field(() => Int, { middleware: [annotationEndorsementCount] })
  endorsementCount: number;

  @Field(() => Boolean, { middleware: [annotationViewerHasEndorsed] })
  viewerHasEndorsed: boolean;

  @Field(() => UserModel, {
    nullable: true,
    description: 'Null once deleted or hidden.',
    middleware: [annotationAuthor],
  })
  author: UserModel | null;

  @Field(() => OrganizationModel, {
    nullable: true,
    description: 'The organisation spoken for, if any.',
    middleware: [annotationOrganization],
  })
  organization: OrganizationModel | null;

  @Field(() => ModerationStateModel, {
    nullable: true,
    description: 'For its author and moderators: whether moderation hid it, and why.',
    middleware: [annotationModerationState],
  })
  moderation: ModerationStateModel | null;

  @Field(() => AnnotationAnswerModel, {
    nullable: true,
    description: 'The ministry’s current official answer (the latest of `answers`), once given.',
    middleware: [annotationAnswer],
  })
  answer: AnnotationAnswerModel | null;
}

@ObjectType('AnnotationRevision', { description: 'The text an annotation had before an edit.' })
export class AnnotationRevisionModel {
  @Field()
  body: string;

  @Field(() => String, { nullable: true })
  suggestedText: string | null;

  @Field({ description: 'When it was replaced.' })
  createdAt: Date;
}

@ObjectType('SectionAnnotationCount')
export class SectionAnnotationCountModel {
  @Field()
  sectionKey: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('DiffPart')
export class DiffPartModel {
  @Field(() => DiffOperationEnum)
  op: DiffOperationEnum;

  @Field()
  text: string;
}

@ObjectType('SectionComparison')
export class SectionComparisonModel {
  @Field()
  key: string;

  @Field(() => SectionChangeEnum)
  change: SectionChangeEnum;

  @Field(() => DocumentSectionModel, { nullable: true })
  from: DocumentSectionModel | null;

  @Field(() => DocumentSectionModel, { nullable: true })
  to: DocumentSectionModel | null;

  @Field(() => [DiffPartModel], { description: 'Word-level diff, for CHANGED sections only.' })
  diff: DiffPartModel[];
}

@ObjectType('VersionComparison')
export class VersionComparisonModel {
  @Field(() => DocumentVersionModel)
  from: DocumentVersionModel;

  @Field(() => DocumentVersionModel)
  to: DocumentVersionModel;

  @Field(() => [SectionComparisonModel])
  sections: SectionComparisonModel[];
}

@ObjectType()
export class DocumentConnection extends Connection(DocumentModel, 'Document') {}

@ObjectType()
export class AnnotationConnection extends Connection(AnnotationModel, 'Annotation') {}
