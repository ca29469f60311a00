import type { Document } from '../documents/document.entity';
import type { DocumentVersion } from '../documents/document-version.entity';
import type { Motivation } from './annotation.entity';
import type { AnchoredAnnotation } from './annotation.service';

/** The W3C Web Annotation Data Model's motivations for ours. */
const W3C_MOTIVATION: Record<Motivation, string> = {
  COMMENTING: 'commenting',
  QUESTIONING: 'questioning',
  AMENDING: 'editing',
  SUPPORTING: 'assessing',
  OBJECTING: 'assessing',
};

export interface ExportContext {
  /** The public base URL of the API (e.g. https://majlis.example), for the IRIs of the export. */
  readonly baseUrl: string;
  readonly document: Document;
  readonly versions: ReadonlyMap<string, DocumentVersion>;
  readonly creatorName: (userId: string) => string;
}

/**
 * A document's public annotations as a W3C AnnotationCollection (JSON-LD) with one embedded page: each
 * annotation targets the version it was made on, with its TextQuoteSelector and TextPositionSelector.
 */
export function toW3cCollection(annotations: readonly AnchoredAnnotation[], context: ExportContext) {
  const collectionId = `${context.baseUrl}/documents/${context.document.id}/annotations`;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: collectionId,
    type: 'AnnotationCollection',
    label: `${context.document.reference} — ${context.document.title}`,
    total: annotations.length,
    first: {
      id: `${collectionId}?page=0`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((annotation) => toW3cAnnotation(annotation, context)),
    },
  };
}

function toW3cAnnotation(annotation: AnchoredAnnotation, context: ExportContext) {
  const version = context.versions.get(annotation.versionId);
  const language = context.document.language;
  const body: Record<string, unknown>[] = [
    {
      type: 'TextualBody',
      value: annotation.body,
      format: 'text/markdown',
      language,
      purpose: W3C_MOTIVATION[annotation.motivation],
    },
  ];
  if (annotation.suggestedText) {
    body.push({
      type: 'TextualBody',
      value: annotation.suggestedText,
      format: 'text/plain',
      language,
      purpose: 'editing',
    });
  }
  return {
    id: `${context.baseUrl}/annotations/${annotation.id}`,
    type: 'Annotation',
    motivation: W3C_MOTIVATION[annotation.motivation],
    created: annotation.createdAt.toISOString(),
    modified: annotation.updatedAt.toISOString(),
    creator: {
      id: `${context.baseUrl}/users/${annotation.authorId}`,
      type: 'Person',
      name: context.creatorName(annotation.authorId),
    },
    body,
    target: {
      source: `${context.baseUrl}/documents/${context.document.id}/versions/${version?.number ?? 1}`,
      type: 'Text',
      selector: [
        { type: 'TextQuoteSelector', exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix },
        { type: 'TextPositionSelector', start: annotation.start, end: annotation.end },
      ],
    },
  };
}
