import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { AnnotationService, DocumentService, toW3cCollection } from '@majlis/documents';
import { AuthenticatedActor, UserService } from '@majlis/identity';
import { CurrentActor } from '../graphql/auth/current-actor.decorator';

/** Interoperability: a document's public annotations as a W3C Web Annotation collection (JSON-LD). */
@Controller('documents')
export class AnnotationExportController {
  constructor(
    private readonly documents: DocumentService,
    private readonly annotations: AnnotationService,
    private readonly users: UserService,
  ) {}

  @Get(':id/annotations')
  @Header('content-type', 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')
  async export(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Req() request: Request) {
    const document = await this.documents.get(actor, id);
    const annotations = await this.annotations.publicOf(document.id);
    const versions = await this.documents.versionsByIds([
      ...new Set(annotations.map((annotation) => annotation.versionId)),
    ]);
    const authors = await this.users.findByIds([...new Set(annotations.map((annotation) => annotation.authorId))]);
    return toW3cCollection(annotations, {
      baseUrl: `${request.protocol}://${request.get('host')}`,
      document,
      versions,
      creatorName: (userId) => authors.get(userId)?.displayName ?? 'Former member',
    });
  }
}
