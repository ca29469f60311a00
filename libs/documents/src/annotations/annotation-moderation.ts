import { Injectable, OnModuleInit } from '@nestjs/common';
import { ContentFacts, ModeratedContentRegistry, queueExcerpt } from '@majlis/moderation';
import { Annotation } from './annotation.entity';
import { AnnotationLocation, AnnotationService } from './annotation.service';

/** Annotations can be reported and moderated like every other content. */
@Injectable()
export class AnnotationModeration implements OnModuleInit {
  constructor(
    private readonly registry: ModeratedContentRegistry,
    private readonly annotations: AnnotationService,
  ) {}

  onModuleInit(): void {
    this.registry.register('ANNOTATION', {
      facts: async (actor, id) => {
        const annotation = await this.annotations.get(actor, id);
        return factsOf(annotation, (await this.annotations.locate([id])).get(id));
      },
      describe: async (ids) => {
        const locations = await this.annotations.locate(ids);
        return new Map(
          [...(await this.annotations.findByIds(ids))].map(([id, annotation]) => [
            id,
            factsOf(annotation, locations.get(id)),
          ]),
        );
      },
    });
  }
}

function factsOf(annotation: Annotation, location: AnnotationLocation | undefined): ContentFacts {
  return {
    authorId: annotation.authorId,
    organizationId: annotation.organizationId,
    spaceId: null,
    documentId: annotation.documentId,
    excerpt: queueExcerpt(annotation.body),
    locator: location,
  };
}
