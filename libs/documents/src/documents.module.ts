import { Module } from '@nestjs/common';
import { AnnotationModeration } from './annotations/annotation-moderation';
import { AnnotationPersonalData } from './annotations/annotation-personal-data';
import { AnnotationSubject } from './annotations/annotation-subject';
import { AnnotationService } from './annotations/annotation.service';
import { DocumentCitations } from './documents/document-citations';
import { DocumentService } from './documents/document.service';

/**
 * Documents, versions, sections and annotations. Needs a TypeORM DataSource, a kernel `Clock` and the
 * DiscussionsModule (annotations are subjects of the shared reply model) from the app.
 */
@Module({
  providers: [
    DocumentService,
    AnnotationService,
    AnnotationSubject,
    AnnotationModeration,
    AnnotationPersonalData,
    DocumentCitations,
  ],
  exports: [DocumentService, AnnotationService],
})
export class DocumentsModule {}
