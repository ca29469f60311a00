import { Actor, SqlCondition, isRepresentativeOf, isStaff } from '@majlis/kernel';
import { MembershipQueries } from '@majlis/identity';
import type { ContentType } from './content/moderated-content';

/** Who moderates a piece of content, as moderation keeps it (columns of `content_moderation`). */
export interface ModerationScope {
  /** Its space, if any: the space's owners and moderators moderate it. */
  readonly spaceId: string | null;
  /** False for content platform moderators cannot read (a PRIVATE space's, an organisation's internal comments). */
  readonly platformModerated: boolean;
  /** The organisation whose representatives moderate it, for content only that organisation's people read. */
  readonly moderatingOrganizationId: string | null;
}

/** The organisations the actor speaks for (is a REPRESENTATIVE of). */
function representedOrganizations(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'REPRESENTATIVE').map((m) => m.organizationId);
}

/**
 * Moderation's rules, each once, as a predicate with its SQL twin beside it (the twin serves lists and counts).
 *
 * Who moderates what (issue 13): a PRIVATE space is moderated by its own owners and moderators only; an
 * organisation's internal content (its members' comments on its contribution) by that organisation's
 * representatives only; everything else by platform moderators, and by the owners and moderators of the space it
 * is in. Nobody moderates, nor sees in the queue, content they could not read.
 *
 * The spaces a person moderates (`moderatedSpaceIds`) come from the discussions area, which registers them with
 * the ModeratedContentRegistry.
 */
export const ModerationPolicy = {
  /** Anyone who sees a piece of content may report it, except its author (who edits or deletes it instead). */
  canReport(actor: Actor, content: { authorId: string }): boolean {
    return content.authorId !== actor.userId;
  },

  /**
   * A report of CONFIDENTIAL_INFORMATION hides the content at once when it comes from a platform moderator or a
   * representative of an organisation concerned (the one spoken for, else its author's).
   */
  speaksForConcernedOrganization(actor: Actor, concernedOrganizationIds: readonly string[]): boolean {
    return isStaff(actor) || concernedOrganizationIds.some((id) => isRepresentativeOf(actor, id));
  },

  /**
   * Whether the actor moderates anything at all (sees a queue, may try an action): platform moderators, space
   * owners and moderators, and organisations' representatives (their organisation's internal content).
   */
  isModerator(actor: Actor, moderatedSpaceIds: readonly string[]): boolean {
    return isStaff(actor) || moderatedSpaceIds.length > 0 || representedOrganizations(actor).length > 0;
  },

  /** Whether the actor moderates this piece of content (see the rule above). */
  canModerate(actor: Actor, scope: ModerationScope, moderatedSpaceIds: readonly string[]): boolean {
    if (scope.moderatingOrganizationId) return isRepresentativeOf(actor, scope.moderatingOrganizationId);
    if (scope.spaceId && moderatedSpaceIds.includes(scope.spaceId)) return true;
    return isStaff(actor) && scope.platformModerated;
  },

  /**
   * SQL twin of canModerate over the `content_moderation` row aliased `alias` (the queue).
   * Binds :moderatorSpaces and :moderatorRepresents.
   */
  canModerateSql(actor: Actor, alias: string, moderatedSpaceIds: readonly string[]): SqlCondition {
    return {
      sql: `(CASE WHEN ${alias}.moderating_organization_id IS NOT NULL
                  THEN ${alias}.moderating_organization_id = ANY(CAST(:moderatorRepresents AS uuid[]))
                  ELSE (COALESCE(${alias}.space_id = ANY(CAST(:moderatorSpaces AS uuid[])), false) OR ${isStaff(actor) ? `${alias}.platform_moderated` : 'false'})
             END)`,
      params: { moderatorSpaces: [...moderatedSpaceIds], moderatorRepresents: representedOrganizations(actor) },
    };
  },

  /** The moderation log and actions on people (suspension) are platform moderators' alone. */
  /**
   * A report, its status and outcome are read by the person who made it, and nobody else through this path
   * (moderators see reports grouped, unnamed, in the queue): reporters never learn who else reported.
   */
  canReadReport(actor: Actor, report: { reporterId: string }): boolean {
    return report.reporterId === actor.userId;
  },
  /** SQL twin of canReadReport, for lists of one's own reports (`alias` is the reports table's alias). */
  readableReportsSql(actor: Actor, alias: string): SqlCondition {
    return { sql: `${alias}.reporter_id = :reportReader`, params: { reportReader: actor.userId } };
  },

  canReadLog(actor: Actor): boolean {
    return isStaff(actor);
  },
  canModeratePeople(actor: Actor): boolean {
    return isStaff(actor);
  },

  /**
   * Who sees hidden content as it was written (and its moderation state): its author, and whoever moderates it
   * (canModerate). Everyone else gets the placeholder (Redaction), or nothing in lists.
   */
  seesHidden(
    actor: Actor,
    content: { authorId: string },
    scope: ModerationScope,
    moderatedSpaceIds: readonly string[],
  ): boolean {
    return content.authorId === actor.userId || ModerationPolicy.canModerate(actor, scope, moderatedSpaceIds);
  },

  /**
   * SQL twin of "hidden, and not seesHidden": the row aliased `alias` (with `id` and `author_id` columns) is hidden
   * by moderation for this actor. `moderatedSpaces` is a subquery of the ids of the spaces the actor moderates
   * (SpacePolicy.moderatedSpaceIdsSql, with its parameters); without it (content outside spaces) none.
   * Binds :moderationViewer, :moderationRepresents and the subquery's parameters.
   */
  hiddenForViewerSql(type: ContentType, alias: string, actor: Actor, moderatedSpaces?: SqlCondition): SqlCondition {
    const inModeratedSpace = moderatedSpaces
      ? `COALESCE(moderation.space_id IN (${moderatedSpaces.sql}), false)`
      : 'false';
    return {
      sql: `EXISTS (SELECT 1 FROM content_moderation moderation WHERE moderation.content_type = '${type}'
              AND moderation.content_id = ${alias}.id AND moderation.hidden AND ${alias}.author_id <> :moderationViewer
              AND NOT (CASE WHEN moderation.moderating_organization_id IS NOT NULL
                            THEN moderation.moderating_organization_id = ANY(CAST(:moderationRepresents AS uuid[]))
                            ELSE (${inModeratedSpace} OR ${isStaff(actor) ? 'moderation.platform_moderated' : 'false'}) END))`,
      params: {
        ...(moderatedSpaces?.params ?? {}),
        moderationViewer: actor.userId,
        moderationRepresents: representedOrganizations(actor),
      },
    };
  },

  /**
   * SQL twin of hiddenForViewerSql seen from the other side: the row aliased `alias` is hidden by moderation for the
   * person `user` (a users row alias), for content outside spaces. Same rule: hidden, not its author, and not one
   * who moderates it (a representative of its moderating organisation, else staff where platform moderators act).
   * For deciding at once which of many people may still read something (live updates). For content in spaces,
   * `moderatedSpaces` is the SQL of the ids of the spaces `user` moderates (their moderators see it too).
   */
  hiddenForReaderSql(type: ContentType, alias: string, user: string, moderatedSpaces?: string): string {
    const inModeratedSpace = moderatedSpaces ? `COALESCE(moderation.space_id IN (${moderatedSpaces}), false)` : 'false';
    return `EXISTS (SELECT 1 FROM content_moderation moderation WHERE moderation.content_type = '${type}'
              AND moderation.content_id = ${alias}.id AND moderation.hidden AND ${alias}.author_id <> ${user}.id
              AND NOT (CASE WHEN moderation.moderating_organization_id IS NOT NULL
                            THEN ${MembershipQueries.isRepresentativeSql(`${user}.id`, 'moderation.moderating_organization_id')}
                            ELSE (${inModeratedSpace} OR (${user}.platform_role IN ('ADMIN', 'MODERATOR') AND moderation.platform_moderated)) END))`;
  },

  /** SQL: the row aliased `alias` is hidden by moderation, for everyone (counts and exports leave it out). */
  hiddenSql(type: ContentType, alias: string): string {
    return `EXISTS (SELECT 1 FROM content_moderation moderation WHERE moderation.content_type = '${type}' AND moderation.content_id = ${alias}.id AND moderation.hidden)`;
  },
};

/** Kept for the areas that filter hidden content: the SQL twins above, by their former names. */
export function hiddenForViewerSql(
  type: ContentType,
  alias: string,
  actor: Actor,
  moderatedSpaces?: SqlCondition,
): SqlCondition {
  return ModerationPolicy.hiddenForViewerSql(type, alias, actor, moderatedSpaces);
}

export function hiddenSql(type: ContentType, alias: string): string {
  return ModerationPolicy.hiddenSql(type, alias);
}
