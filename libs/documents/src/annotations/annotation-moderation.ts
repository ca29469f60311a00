import { Injectable, OnModuleInit } from '@nestjs/common';
import { ContentFacts, ModeratedContentRegistry } from '@majlis/moderation';
import { Annotation } from './annotation.entity';
import { AnnotationService } from './annotation.service';

/** Annotations can be reported and moderated like every other content. */
@Injectable()
export class AnnotationModeration implements OnModuleInit {
  constructor(
    private readonly registry: ModeratedContentRegistry,
    private readonly annotations: AnnotationService,
  ) {}

  onModuleInit(): void {
    this.registry.register('ANNOTATION', {
      facts: async (actor, id) => factsOf(await this.annotations.get(actor, id)),
      describe: async (ids) =>
        new Map([...(await this.annotations.findByIds(ids))].map(([id, annotation]) => [id, factsOf(annotation)])),
    });
  }
}

function factsOf(annotation: Annotation): ContentFacts {
  return {
    authorId: annotation.authorId,
    organizationId: annotation.organizationId,
    spaceId: null,
    documentId: annotation.documentId,
    excerpt: annotation.body.slice(0, 280),
  };
}
