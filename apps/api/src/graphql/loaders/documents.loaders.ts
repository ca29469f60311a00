import type { ConsultationQuestion, ConsultationService } from '@majlis/consultations';
import type { AnnotationAnchor, DocumentSection, DocumentService, DocumentVersion } from '@majlis/documents';
import { mapLoader } from './batch';

export interface DocumentLoaderServices {
  readonly documents: DocumentService;
  readonly consultations: ConsultationService;
}

/** Versions and sections of documents, and consultations' questions, for things already found visible. */
export function documentLoaders(services: DocumentLoaderServices) {
  return {
    versionsOfDocument: mapLoader<DocumentVersion[]>((ids) => services.documents.versionsOf(ids), []),
    versionById: mapLoader<DocumentVersion | null>((ids) => services.documents.versionsByIds(ids), null),
    sectionsOfVersion: mapLoader<DocumentSection[]>((ids) => services.documents.sectionsOf(ids), []),
    latestAnchorOfAnnotation: mapLoader<AnnotationAnchor | null>(
      (ids) => services.documents.latestAnchorsOf(ids),
      null,
    ),
    questionsOfConsultation: mapLoader<ConsultationQuestion[]>((ids) => services.consultations.questionsOf(ids), []),
  };
}
