import { Actor, isMemberOf, isRepresentativeOf, isStaff } from '@majlis/kernel';
import type { Annotation } from './annotation.entity';

/** Who sees, writes and answers annotations. Pure decisions; the document's own visibility is checked first. */
export const AnnotationPolicy = {
  /** PUBLIC: every reader of the document. ORGANIZATION: its author, that organisation's members, moderators. */
  canSee(actor: Actor, annotation: Pick<Annotation, 'visibility' | 'authorId' | 'audienceOrganizationId'>): boolean {
    if (annotation.visibility === 'PUBLIC' || isStaff(actor) || annotation.authorId === actor.userId) return true;
    return !!annotation.audienceOrganizationId && isMemberOf(actor, annotation.audienceOrganizationId);
  },
  /** Only a representative speaks on behalf of an organisation. */
  canSpeakFor(actor: Actor, organizationId: string): boolean {
    return isRepresentativeOf(actor, organizationId);
  },
  canEdit(actor: Actor, annotation: Pick<Annotation, 'authorId' | 'deletedAt'>): boolean {
    return annotation.authorId === actor.userId && !annotation.deletedAt;
  },
  /** The ministry's official answer. */
  canAnswer(actor: Actor): boolean {
    return isStaff(actor);
  },
};
