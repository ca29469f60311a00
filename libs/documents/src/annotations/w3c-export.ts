import type { Document } from '../documents/document.entity';
import type { DocumentVersion } from '../documents/document-version.entity';
import type { AnnotationAnchor } from './annotation-anchor.entity';
import type { Annotation, Motivation } from './annotation.entity';

/**
 * The W3C Web Annotation Data Model's motivations for ours: where the model has one, it is used; SUPPORTING and
 * OBJECTING are both `assessing`, and the Majlis extension's `stance` (below) keeps them apart.
 */
const W3C_MOTIVATION: Record<Motivation, string> = {
  COMMENTING: 'commenting',
  QUESTIONING: 'questioning',
  AMENDING: 'editing',
  SUPPORTING: 'assessing',
  OBJECTING: 'assessing',
};
const STANCE: Partial<Record<Motivation, string>> = { SUPPORTING: 'supporting', OBJECTING: 'objecting' };

export const W3C_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Where the app serves the Majlis JSON-LD context (and, at `MAJLIS_VOCABULARY_PATH`, the same document). */
export const MAJLIS_CONTEXT_PATH = '/ns/majlis.jsonld';
export const MAJLIS_VOCABULARY_PATH = '/ns/majlis';

/** The IRIs of the export; every one of them is served as JSON-LD by the app (see README, "Linked data"). */
export const linkedDataIris = (baseUrl: string) => ({
  document: (documentId: string) => `${baseUrl}/documents/${documentId}`,
  version: (documentId: string, number: number) => `${baseUrl}/documents/${documentId}/versions/${number}`,
  collection: (documentId: string) => `${baseUrl}/documents/${documentId}/annotations`,
  annotation: (annotationId: string) => `${baseUrl}/annotations/${annotationId}`,
  user: (userId: string) => `${baseUrl}/users/${userId}`,
  context: () => `${baseUrl}${MAJLIS_CONTEXT_PATH}`,
});

/**
 * The Majlis extension of the W3C annotation context: what the model has no term for. Served at
 * `MAJLIS_CONTEXT_PATH`; its terms expand into `<base>/ns/majlis#…`, described by the document's `@graph` (the
 * same document is served at `MAJLIS_VOCABULARY_PATH`, so every expanded IRI dereferences).
 */
export function majlisContextDocument(baseUrl: string) {
  const vocabulary = `${baseUrl}${MAJLIS_VOCABULARY_PATH}#`;
  return {
    '@context': {
      majlis: vocabulary,
      dcterms: 'http://purl.org/dc/terms/',
      rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      oa: 'http://www.w3.org/ns/oa#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      stance: { '@id': 'majlis:stance', '@type': '@vocab' },
      supporting: 'majlis:supporting',
      objecting: 'majlis:objecting',
      currentVersion: { '@id': 'majlis:currentVersion', '@type': '@id' },
      anchorStatus: 'majlis:anchorStatus',
      anchorScore: { '@id': 'majlis:anchorScore', '@type': 'xsd:double' },
      versionOf: { '@id': 'dcterms:isVersionOf', '@type': '@id' },
      hasVersion: { '@id': 'dcterms:hasVersion', '@type': '@id', '@container': '@list' },
      versionNumber: { '@id': 'majlis:versionNumber', '@type': 'xsd:integer' },
      published: { '@id': 'dcterms:issued', '@type': 'xsd:dateTime' },
      reference: 'dcterms:identifier',
      title: 'dcterms:title',
      annotations: { '@id': 'majlis:annotations', '@type': '@id' },
      comment: 'rdfs:comment',
      broader: { '@id': 'skos:broader', '@type': '@id' },
    },
    '@graph': [
      {
        '@id': 'majlis:stance',
        comment:
          'The position an `assessing` annotation takes on its passage: supporting or objecting (Majlis motivations SUPPORTING and OBJECTING).',
      },
      {
        '@id': 'majlis:supporting',
        '@type': 'oa:Motivation',
        broader: 'oa:assessing',
        comment: 'Supports the passage.',
      },
      {
        '@id': 'majlis:objecting',
        '@type': 'oa:Motivation',
        broader: 'oa:assessing',
        comment: 'Objects to the passage.',
      },
      {
        '@id': 'majlis:currentVersion',
        comment:
          'The latest published version of the document: anchorStatus and anchorScore describe the annotation there.',
      },
      {
        '@id': 'majlis:anchorStatus',
        comment:
          'Where the annotation stands on currentVersion, judged against what its author quoted: EXACT, MOVED, FUZZY or ORPHANED (its passage is gone; no target on that version).',
      },
      {
        '@id': 'majlis:anchorScore',
        comment: '1 for EXACT and MOVED, the match quality (0–1) for FUZZY, 0 for ORPHANED.',
      },
      { '@id': 'majlis:versionNumber', comment: 'The number of a published version: 1, 2, …' },
      { '@id': 'majlis:annotations', comment: 'The W3C AnnotationCollection of a document’s public annotations.' },
    ],
  };
}

/** An annotation with its anchor on the version it was made on and, when known, on the document's current version. */
export interface ExportedAnnotation extends Annotation {
  anchor: AnnotationAnchor;
  current: AnnotationAnchor | null;
}

export interface ExportContext {
  /** The public base URL of the API (e.g. https://majlis.example), for the IRIs of the export. */
  readonly baseUrl: string;
  readonly document: Document;
  /** The document's current (latest) version. */
  readonly currentVersion: DocumentVersion;
  readonly versions: ReadonlyMap<string, DocumentVersion>;
  readonly creatorName: (userId: string) => string;
}

/** The JSON-LD context of everything Majlis exports: the W3C annotation context, then the Majlis extension. */
export const exportContext = (baseUrl: string) => [W3C_ANNOTATION_CONTEXT, linkedDataIris(baseUrl).context()];

/**
 * A document's public annotations as a W3C AnnotationCollection (JSON-LD) with one embedded page (also served on
 * its own at `?page=0`).
 */
export function toW3cCollection(annotations: readonly ExportedAnnotation[], context: ExportContext) {
  const collectionId = linkedDataIris(context.baseUrl).collection(context.document.id);
  const { '@context': _pageContext, ...page } = toW3cPage(annotations, context);
  return {
    '@context': exportContext(context.baseUrl),
    id: collectionId,
    type: 'AnnotationCollection',
    label: `${context.document.reference} — ${context.document.title}`,
    total: annotations.length,
    first: page,
  };
}

/** The collection's only page. */
export function toW3cPage(annotations: readonly ExportedAnnotation[], context: ExportContext) {
  const collectionId = linkedDataIris(context.baseUrl).collection(context.document.id);
  return {
    '@context': exportContext(context.baseUrl),
    id: `${collectionId}?page=0`,
    type: 'AnnotationPage',
    partOf: collectionId,
    startIndex: 0,
    items: annotations.map((annotation) => toW3cAnnotation(annotation, context)),
  };
}

/**
 * One annotation. `target` lists, first, the passage on the current version when the annotation was made on an
 * earlier one and is still anchored there (its selectors on that version), then the passage as its author quoted
 * it on the version it was made on. `currentVersion`, `anchorStatus` and `anchorScore` (Majlis extension) say
 * where it stands on the current version, ORPHANED included.
 */
export function toW3cAnnotation(annotation: ExportedAnnotation, context: ExportContext) {
  const iris = linkedDataIris(context.baseUrl);
  const madeOn = context.versions.get(annotation.versionId);
  const language = context.document.language;
  const motivation = W3C_MOTIVATION[annotation.motivation];
  const body: Record<string, unknown>[] = [
    { type: 'TextualBody', value: annotation.body, format: 'text/markdown', language, purpose: motivation },
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
  const quoted = specificResource(iris.version(context.document.id, madeOn?.number ?? 1), annotation);
  const current = context.currentVersion;
  const onCurrent = current.id === annotation.versionId ? annotation.anchor : annotation.current;
  const targets =
    current.id !== annotation.versionId && onCurrent && onCurrent.status !== 'ORPHANED' && onCurrent.start !== null
      ? [specificResource(iris.version(context.document.id, current.number), onCurrent), quoted]
      : [quoted];
  return {
    id: iris.annotation(annotation.id),
    type: 'Annotation',
    motivation,
    ...(STANCE[annotation.motivation] ? { stance: STANCE[annotation.motivation] } : {}),
    created: annotation.createdAt.toISOString(),
    modified: annotation.updatedAt.toISOString(),
    creator: { id: iris.user(annotation.authorId), type: 'Person', name: context.creatorName(annotation.authorId) },
    body,
    target: targets,
    currentVersion: iris.version(context.document.id, current.number),
    ...(onCurrent ? { anchorStatus: onCurrent.status, anchorScore: onCurrent.score } : {}),
  };
}

interface AnchoredSelectors {
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
}

function specificResource(source: string, at: AnchoredSelectors) {
  return {
    type: 'SpecificResource',
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: at.exact ?? '', prefix: at.prefix ?? '', suffix: at.suffix ?? '' },
      { type: 'TextPositionSelector', start: at.start, end: at.end },
    ],
  };
}

/** A published version as JSON-LD: the plain text the selectors' offsets count in (UTF-16 code units). */
export function versionToJsonLd(baseUrl: string, document: Document, version: DocumentVersion, plainText: string) {
  const iris = linkedDataIris(baseUrl);
  return {
    '@context': exportContext(baseUrl),
    id: iris.version(document.id, version.number),
    type: 'Text',
    format: 'text/plain',
    language: document.language,
    versionOf: iris.document(document.id),
    versionNumber: version.number,
    published: version.publishedAt.toISOString(),
    value: plainText,
  };
}

/** A document as JSON-LD: its versions, oldest first, and its annotations' collection. */
export function documentToJsonLd(baseUrl: string, document: Document, versions: readonly DocumentVersion[]) {
  const iris = linkedDataIris(baseUrl);
  return {
    '@context': exportContext(baseUrl),
    id: iris.document(document.id),
    type: 'Text',
    reference: document.reference,
    title: document.title,
    language: document.language,
    hasVersion: versions.map((version) => iris.version(document.id, version.number)),
    annotations: iris.collection(document.id),
  };
}

/** A person as JSON-LD: the name shown beside what they wrote. */
export function userToJsonLd(baseUrl: string, user: { id: string; displayName: string }) {
  return {
    '@context': exportContext(baseUrl),
    id: linkedDataIris(baseUrl).user(user.id),
    type: 'Person',
    name: user.displayName,
  };
}
