import { Injectable, OnModuleInit } from '@nestjs/common';
import { SubjectRegistry } from '@majlis/discussions';
import { Clock, DeadlinePassedError, ForbiddenError } from '@majlis/kernel';
import { DocumentPolicy } from '../documents/document.policy';
import { DocumentService } from '../documents/document.service';
import { AnnotationPolicy } from './annotation.policy';
import { AnnotationService, visibleToReaderSql } from './annotation.service';
import { DocumentsReason } from '../documents.reasons';

/**
 * Annotations as subjects of the shared reply model: whoever sees an annotation sees its replies; members reply
 * while the document is open for comment, the ministry's moderators at any time (their answers come after).
 */
@Injectable()
export class AnnotationSubject implements OnModuleInit {
  constructor(
    private readonly subjects: SubjectRegistry,
    private readonly annotations: AnnotationService,
    private readonly documents: DocumentService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subjects.register('ANNOTATION', {
      ensureVisible: async (actor, id) => ({ authorId: (await this.annotations.get(actor, id)).authorId }),
      readersAmong: (id, userIds) => this.annotations.readersAmong(id, userIds),
      locate: (ids) => this.annotations.locate(ids),
      // Who may read it: its document's readers (DocumentPolicy) among its own (AnnotationPolicy).
      readersSql: (user, id) => ({
        sql: `EXISTS (SELECT 1 FROM annotations subject_annotation
                 JOIN documents subject_document ON subject_document.id = subject_annotation.document_id
                WHERE subject_annotation.id = :subjectAnnotation
                  AND ${AnnotationPolicy.readersSql('subject_annotation', user)}
                  AND ${DocumentPolicy.readersSql('subject_document', user)})`,
        params: { subjectAnnotation: id },
      }),
      // Who sees it now, as `ensureVisible` (AnnotationService.get) decides, from the reader's side.
      visibleSql: (user, id) => `EXISTS (SELECT 1 FROM annotations subject_annotation
          JOIN documents subject_document ON subject_document.id = subject_annotation.document_id
         WHERE subject_annotation.id = ${id} AND ${visibleToReaderSql('subject_annotation', 'subject_document', user)})`,
      ensureCanReply: async (actor, id) => {
        const annotation = await this.annotations.get(actor, id);
        if (!AnnotationPolicy.takesReplies(annotation))
          throw new ForbiddenError('This annotation was deleted by its author: it takes no new replies.').because(
            DocumentsReason.ANNOTATION_DELETED,
          );
        const document = await this.documents.get(actor, annotation.documentId);
        if (!DocumentPolicy.canReplyNow(actor, document, this.clock.now())) {
          throw new DeadlinePassedError('This document is not open for comments now.').because(
            DocumentsReason.DOCUMENT_CLOSED,
          );
        }
      },
    });
  }
}
