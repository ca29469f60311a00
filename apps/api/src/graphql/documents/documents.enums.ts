import { registerEnumType } from '@nestjs/graphql';

export enum DocumentKindEnum {
  CIRCULAR = 'CIRCULAR',
  CONTRACT_PROGRAMME = 'CONTRACT_PROGRAMME',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKindEnum, { name: 'DocumentKind' });

export enum DocumentStatusEnum {
  DRAFT = 'DRAFT',
  OPEN_FOR_COMMENT = 'OPEN_FOR_COMMENT',
  CLOSED = 'CLOSED',
  ADOPTED = 'ADOPTED',
}
registerEnumType(DocumentStatusEnum, { name: 'DocumentStatus', description: 'DRAFT documents are seen by moderators only.' });

export enum MotivationEnum {
  COMMENTING = 'COMMENTING',
  QUESTIONING = 'QUESTIONING',
  AMENDING = 'AMENDING',
  SUPPORTING = 'SUPPORTING',
  OBJECTING = 'OBJECTING',
}
registerEnumType(MotivationEnum, { name: 'Motivation', description: 'Why an annotation was written; AMENDING proposes a replacement text.' });

export enum AnnotationVisibilityEnum {
  PUBLIC = 'PUBLIC',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(AnnotationVisibilityEnum, {
  name: 'AnnotationVisibility',
  description: 'ORGANIZATION: only the author’s organisation and the ministry’s moderators see it.',
});

export enum AnnotationStatusEnum {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  RESOLVED = 'RESOLVED',
}
registerEnumType(AnnotationStatusEnum, { name: 'AnnotationStatus' });

export enum DispositionEnum {
  ACCEPTED = 'ACCEPTED',
  PARTIALLY_ACCEPTED = 'PARTIALLY_ACCEPTED',
  REJECTED = 'REJECTED',
  NOTED = 'NOTED',
}
registerEnumType(DispositionEnum, { name: 'Disposition', description: 'The ministry’s official answer to an annotation.' });

export enum AnchorStatusEnum {
  EXACT = 'EXACT',
  MOVED = 'MOVED',
  FUZZY = 'FUZZY',
  ORPHANED = 'ORPHANED',
}
registerEnumType(AnchorStatusEnum, {
  name: 'AnchorStatus',
  description: 'Where an annotation stands on a version: same place, moved, approximately found, or its passage is gone.',
});

export enum SectionChangeEnum {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(SectionChangeEnum, { name: 'SectionChange' });

export enum DiffOperationEnum {
  EQUAL = 'equal',
  INSERT = 'insert',
  DELETE = 'delete',
}
registerEnumType(DiffOperationEnum, { name: 'DiffOperation' });
