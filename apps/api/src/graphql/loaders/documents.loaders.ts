import type { DocumentSection, DocumentService, DocumentVersion } from '@majlis/documents';
import { mapLoader } from './batch';

export interface DocumentLoaderServices {
  readonly documents: DocumentService;
}

/** Versions and sections of documents already found visible by the resolver that reached them. */
export function documentLoaders(services: DocumentLoaderServices) {
  return {
    versionsOfDocument: mapLoader<DocumentVersion[]>((ids) => services.documents.versionsOf(ids), []),
    versionById: mapLoader<DocumentVersion | null>((ids) => services.documents.versionsByIds(ids), null),
    sectionsOfVersion: mapLoader<DocumentSection[]>((ids) => services.documents.sectionsOf(ids), []),
  };
}
