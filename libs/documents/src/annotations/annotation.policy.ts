import { Actor, isMemberOf, isRepresentativeOf, isStaff } from '@majlis/kernel';
import { presentSql, shownSql } from '@majlis/discussions';
import { MembershipQueries } from '@majlis/identity';
import type { SqlCondition } from '@majlis/kernel';
import type { Annotation } from './annotation.entity';

/**
 * Who sees, writes, answers and exports annotations: every rule once as a predicate, with its SQL twin beside it
 * where lists, counts, mentions and exports need one. The document's own visibility is DocumentPolicy's and is
 * checked first. Pure decisions, no I/O. Spec: annotation.policy.spec.ts (role × action × state).
 */
export const AnnotationPolicy = {
  /**
   * PUBLIC: every reader of the document. ORGANIZATION: its author, the members of its audience organisation, and
   * the ministry's moderators.
   */
  canSee(actor: Actor, annotation: Pick<Annotation, 'visibility' | 'authorId' | 'audienceOrganizationId'>): boolean {
    if (annotation.visibility === 'PUBLIC' || isStaff(actor) || annotation.authorId === actor.userId) return true;
    return !!annotation.audienceOrganizationId && isMemberOf(actor, annotation.audienceOrganizationId);
  },
  /** SQL twin of canSee for lists and counts (`alias` is the annotations table's alias). */
  visibleSql(actor: Actor, alias: string): SqlCondition {
    if (isStaff(actor)) return { sql: 'TRUE', params: {} };
    const organizations = actor.memberships.map((membership) => membership.organizationId);
    return {
      sql:
        `(${alias}.visibility = 'PUBLIC' OR ${alias}.author_id = :annotationViewer` +
        (organizations.length ? ` OR ${alias}.audience_organization_id IN (:...annotationViewerOrganizations))` : ')'),
      params: { annotationViewer: actor.userId, annotationViewerOrganizations: organizations },
    };
  },
  /**
   * SQL: the annotation aliased `alias` is present for this actor, neither deleted by its author nor hidden by
   * moderation (ModerationPolicy's twin: its author and its moderators still see it hidden). Lists, search.
   */
  presentSql(actor: Actor, alias: string): SqlCondition {
    return presentSql('ANNOTATION', alias, actor);
  },
  /**
   * SQL: shown in its place (get, lists, search): present, or a tombstone above live replies (the tombstone rule
   * of authored content, @majlis/discussions).
   */
  shownSql(actor: Actor, alias: string): SqlCondition {
    return shownSql('ANNOTATION', alias, AnnotationPolicy.presentSql(actor, alias));
  },
  /**
   * SQL twin of canSee seen from the other side: which users (`user`, a users row) may read the annotation
   * (`annotation`), for resolving mentions in its replies. Same rule: public, its author, staff, its audience.
   */
  readersSql(annotation: string, user: string): string {
    return `(${annotation}.visibility = 'PUBLIC' OR ${user}.id = ${annotation}.author_id
             OR ${user}.platform_role IN ('ADMIN', 'MODERATOR')
             OR ${MembershipQueries.isMemberSql(`${user}.id`, `${annotation}.audience_organization_id`)})`;
  },

  /** Only a representative speaks on behalf of an organisation. */
  canSpeakFor(actor: Actor, organizationId: string): boolean {
    return isRepresentativeOf(actor, organizationId);
  },
  /** Its author edits or deletes it, until it is deleted. */
  canEdit(actor: Actor, annotation: Pick<Annotation, 'authorId' | 'deletedAt'>): boolean {
    return annotation.authorId === actor.userId && !annotation.deletedAt;
  },
  /** The ministry's official answer (disposition and rationale). */
  canAnswer(actor: Actor): boolean {
    return isStaff(actor);
  },
  /** The earlier texts of an annotation: its author and the ministry's moderators. */
  canReadHistory(actor: Actor, annotation: Pick<Annotation, 'authorId'>): boolean {
    return annotation.authorId === actor.userId || isStaff(actor);
  },
  /** An annotation deleted by its author stays as a tombstone above its replies and takes no new ones. */
  takesReplies(annotation: Pick<Annotation, 'deletedAt'>): boolean {
    return !annotation.deletedAt;
  },

  /** The W3C export (read by anyone who sees the document) holds public annotations that are not deleted. */
  isExported(annotation: Pick<Annotation, 'visibility' | 'deletedAt'>): boolean {
    return annotation.visibility === 'PUBLIC' && !annotation.deletedAt;
  },
  /** SQL twin of isExported (moderation's hidden filter is added by the caller). */
  exportedSql(alias: string): string {
    return `(${alias}.visibility = 'PUBLIC' AND ${alias}.deleted_at IS NULL)`;
  },
};
