import { Injectable, OnModuleInit } from '@nestjs/common';
import { CitationRegistry } from '@majlis/discussions';
import { InvalidInputError } from '@majlis/kernel';
import { DocumentService } from './document.service';

/** Lets threads cite an article of a version: the reader must see the document; version and article must exist. */
@Injectable()
export class DocumentCitations implements OnModuleInit {
  constructor(
    private readonly citations: CitationRegistry,
    private readonly documents: DocumentService,
  ) {}

  onModuleInit(): void {
    this.citations.register({
      resolve: async (actor, citation) => {
        const document = await this.documents.get(actor, citation.documentId, 'citation.documentId');
        const version = await this.documents.version(actor, document, citation.versionNumber);
        const sections = (await this.documents.sectionsOf([version.id])).get(version.id) ?? [];
        if (!sections.some((section) => section.key === citation.sectionKey)) {
          throw InvalidInputError.field('citation.sectionKey', 'is not an article of this version');
        }
        return { documentId: document.id, versionId: version.id, sectionKey: citation.sectionKey };
      },
    });
  }
}
