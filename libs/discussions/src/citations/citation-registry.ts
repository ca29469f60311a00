import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Actor, InvalidInputError } from '@majlis/kernel';

/** The shape of a citation in any input (threads, consultation questions): checked, then resolved by the registry. */
export const citationInput = z.object({
  documentId: z.string().uuid('is not a valid id'),
  versionNumber: z.number().int().min(1),
  sectionKey: z.string().min(1).max(50),
});

/** A passage of a document that a thread cites. */
export interface CitationRequest {
  readonly documentId: string;
  readonly versionNumber: number;
  readonly sectionKey: string;
}

export interface ResolvedCitation {
  readonly documentId: string;
  readonly versionId: string;
  readonly sectionKey: string;
}

export interface CitationResolver {
  /** Checks that the actor sees the document and that the version and article exist; NOT_FOUND or BAD_USER_INPUT otherwise. */
  resolve(actor: Actor, citation: CitationRequest): Promise<ResolvedCitation>;
}

/** The documents area registers how citations are checked; this lib imports none of it. */
@Injectable()
export class CitationRegistry {
  private resolver: CitationResolver | null = null;

  register(resolver: CitationResolver): void {
    this.resolver = resolver;
  }

  resolve(actor: Actor, citation: CitationRequest): Promise<ResolvedCitation> {
    if (!this.resolver) throw InvalidInputError.field('citation', 'documents cannot be cited here');
    return this.resolver.resolve(actor, citation);
  }
}
