export * from './documents.module';
export * from './documents.reasons';
export * from './documents/document.entity';
export * from './documents/document-version.entity';
export * from './documents/document-section.entity';
export * from './documents/document.policy';
export * from './documents/document.service';
export { parseVersionText } from './documents/version-text';
export type { CreateDocumentInput, UpdateDocumentInput, PublishVersionInput } from './documents/document.inputs';
export * from './annotations/annotation.entity';
export * from './annotations/annotation-anchor.entity';
export * from './annotations/annotation.policy';
export * from './annotations/annotation.service';
export { createAnnotationInput } from './annotations/annotation.inputs';
export type {
  CreateAnnotationInput,
  UpdateAnnotationInput,
  AnswerAnnotationInput,
  AnnotationFilter,
  MyAnnotationsFilter,
} from './annotations/annotation.inputs';

import { AnnotationAnchor } from './annotations/annotation-anchor.entity';
import { AnnotationAnswer } from './annotations/annotation-answer.entity';
import { AnnotationRevision } from './annotations/annotation-revision.entity';
import { Annotation } from './annotations/annotation.entity';
import { DocumentSection } from './documents/document-section.entity';
import { DocumentVersion } from './documents/document-version.entity';
import { Document } from './documents/document.entity';

/** The TypeORM entities this lib owns, for the application's DataSource. */
export const DOCUMENTS_ENTITIES = [
  Document,
  DocumentVersion,
  DocumentSection,
  Annotation,
  AnnotationAnchor,
  AnnotationRevision,
  AnnotationAnswer,
];
export { SECTION_CHANGES, type SectionComparison, type SectionChange } from './documents/version-comparison';
export {
  toW3cCollection,
  toW3cPage,
  toW3cAnnotation,
  versionToJsonLd,
  documentToJsonLd,
  userToJsonLd,
  majlisContextDocument,
  exportContext,
  MAJLIS_CONTEXT_PATH,
  MAJLIS_VOCABULARY_PATH,
} from './annotations/w3c-export';
export type { ExportedAnnotation, ExportContext } from './annotations/w3c-export';
export { AnnotationRevision } from './annotations/annotation-revision.entity';
export { AnnotationAnswer } from './annotations/annotation-answer.entity';
export * from './documents/document.queries';
export * from './annotations/annotation.queries';
