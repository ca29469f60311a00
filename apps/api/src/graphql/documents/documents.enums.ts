import { ANCHOR_STATUSES, WORD_DIFF_OPS } from '@majlis/anchoring';
import {
  ANNOTATION_STATUSES,
  DISPOSITIONS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  MOTIVATIONS,
  SECTION_CHANGES,
  VISIBILITIES,
} from '@majlis/documents';
import { graphqlEnum, graphqlEnumUpperCased } from '../common/graphql-enum';

export const DocumentKindEnum = graphqlEnum(DOCUMENT_KINDS, 'DocumentKind');
export type DocumentKindEnum = (typeof DocumentKindEnum)[keyof typeof DocumentKindEnum];
export const DocumentStatusEnum = graphqlEnum(
  DOCUMENT_STATUSES,
  'DocumentStatus',
  'DRAFT documents are seen by moderators only.',
);
export type DocumentStatusEnum = (typeof DocumentStatusEnum)[keyof typeof DocumentStatusEnum];
export const MotivationEnum = graphqlEnum(
  MOTIVATIONS,
  'Motivation',
  'Why an annotation was written; AMENDING proposes a replacement text.',
);
export type MotivationEnum = (typeof MotivationEnum)[keyof typeof MotivationEnum];
export const AnnotationVisibilityEnum = graphqlEnum(
  VISIBILITIES,
  'AnnotationVisibility',
  'ORGANIZATION: only the author’s organisation and the ministry’s moderators see it.',
);
export type AnnotationVisibilityEnum = (typeof AnnotationVisibilityEnum)[keyof typeof AnnotationVisibilityEnum];
export const AnnotationStatusEnum = graphqlEnum(ANNOTATION_STATUSES, 'AnnotationStatus');
export type AnnotationStatusEnum = (typeof AnnotationStatusEnum)[keyof typeof AnnotationStatusEnum];
export const DispositionEnum = graphqlEnum(
  DISPOSITIONS,
  'Disposition',
  'The ministry’s official answer to an annotation.',
);
export type DispositionEnum = (typeof DispositionEnum)[keyof typeof DispositionEnum];

export const AnchorStatusEnum = graphqlEnum(
  ANCHOR_STATUSES,
  'AnchorStatus',
  'Where an annotation stands on a version, judged against what its author quoted (not against the previous ' +
    'version): EXACT — the quoted text at the offsets it was quoted at; MOVED — the quoted text, elsewhere; FUZZY — ' +
    'the passage was edited, found with a score against the original quote (it stays FUZZY in later versions until ' +
    'its text returns to what was quoted); ORPHANED — the passage is gone (for good: later versions keep it orphaned).',
);
export type AnchorStatusEnum = (typeof AnchorStatusEnum)[keyof typeof AnchorStatusEnum];

export const SectionChangeEnum = graphqlEnum(SECTION_CHANGES, 'SectionChange');
export type SectionChangeEnum = (typeof SectionChangeEnum)[keyof typeof SectionChangeEnum];

/** Word diff operations in GraphQL's UPPER_CASE; the values are the anchoring lib's (`equal`, …). */
export const DiffOperationEnum = graphqlEnumUpperCased(WORD_DIFF_OPS, 'DiffOperation');
export type DiffOperationEnum = (typeof DiffOperationEnum)[keyof typeof DiffOperationEnum];
