import { Module } from '@nestjs/common';
import { AnnotationService } from './annotations/annotation.service';
import { DocumentService } from './documents/document.service';

/** Documents, versions, sections and annotations. Needs a TypeORM DataSource and a kernel `Clock` from the app. */
@Module({
  providers: [DocumentService, AnnotationService],
  exports: [DocumentService, AnnotationService],
})
export class DocumentsModule {}
