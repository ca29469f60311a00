import { Actor, isRepresentativeOf, isStaff } from '@majlis/kernel';
import { MembershipQueries } from '@majlis/identity';
import type { Space, SpaceRole } from './space.entity';

const RANK: Record<SpaceRole, number> = { OBSERVER: 1, PARTICIPANT: 2, MODERATOR: 3, OWNER: 4 };

/** The strongest of several roles (a person may be a member directly and through organisations). */
export function strongestRole(roles: readonly SpaceRole[]): SpaceRole | null {
  return roles.reduce<SpaceRole | null>((best, role) => (!best || RANK[role] > RANK[best] ? role : best), null);
}

/** The actor's id and organisations, as the SQL twins below bind them (:me, :myOrganizations). */
export function readerParameters(actor: Actor): { me: string; myOrganizations: string[] } {
  return { me: actor.userId, myOrganizations: actor.memberships.map((m) => m.organizationId) };
}

/**
 * Who reads, posts and moderates in a space, from its visibility and the actor's effective role there (the
 * strongest of their own and their organisations' memberships; null when not a member). Each rule once, with its
 * SQL twin beside it.
 */
export const SpacePolicy = {
  /**
   * PUBLIC and RESTRICTED spaces are read by everyone signed in; PRIVATE ones by their members alone: platform
   * staff do not read a federation's private deliberations.
   */
  canRead(space: Pick<Space, 'visibility'>, role: SpaceRole | null): boolean {
    return space.visibility !== 'PRIVATE' || role !== null;
  },
  /** SQL twin of canRead: the space aliased `alias` is readable by the actor bound as :me and :myOrganizations. */
  readableSql(alias: string): string {
    return `(${alias}.visibility <> 'PRIVATE' OR EXISTS (SELECT 1 FROM space_members reader WHERE reader.space_id = ${alias}.id
    AND (reader.user_id = :me OR reader.organization_id = ANY(CAST(:myOrganizations AS uuid[])))))`;
  },
  /**
   * The roles (text[]) the actor bound as :me and :myOrganizations holds in the space aliased `alias`, directly and
   * through their organisations (strongestRole picks the effective one), as readableSql counts memberships.
   */
  rolesSql(alias: string): string {
    return `ARRAY(SELECT reader.role::text FROM space_members reader WHERE reader.space_id = ${alias}.id
    AND (reader.user_id = :me OR reader.organization_id = ANY(CAST(:myOrganizations AS uuid[]))))`;
  },
  /**
   * SQL twin of canRead for someone else (mentions): the space aliased `spaceAlias` is readable by the user whose
   * id is the SQL expression `userId`.
   */
  readableByUserSql(spaceAlias: string, userId: string): string {
    return `(${spaceAlias}.visibility <> 'PRIVATE' OR EXISTS (SELECT 1 FROM space_members sm WHERE sm.space_id = ${spaceAlias}.id
      AND (sm.user_id = ${userId} OR sm.organization_id IN ${MembershipQueries.organizationIdsSql(userId)})))`;
  },

  /** PUBLIC spaces: everyone but observers posts; elsewhere participants and up. */
  canPost(space: Pick<Space, 'visibility'>, role: SpaceRole | null): boolean {
    if (space.visibility === 'PUBLIC') return role !== 'OBSERVER';
    return role !== null && RANK[role] >= RANK.PARTICIPANT;
  },

  /**
   * Moderate (pin, lock, act on reports): the space's owners and moderators; platform moderators too, except in a
   * PRIVATE space, which its own owners and moderators moderate alone (issue 13).
   */
  canModerate(actor: Actor, space: Pick<Space, 'visibility'>, role: SpaceRole | null): boolean {
    if (role === 'OWNER' || role === 'MODERATOR') return true;
    return isStaff(actor) && space.visibility !== 'PRIVATE';
  },
  /**
   * SQL twin of canModerate's role part: the ids of the spaces whose owner or moderator the actor bound as :me and
   * :myOrganizations is (platform moderators' part is ModerationPolicy's, from each content's scope).
   */
  moderatedSpaceIdsSql(): string {
    return `SELECT sm.space_id FROM space_members sm WHERE sm.role IN ('OWNER', 'MODERATOR')
      AND (sm.user_id = :me OR sm.organization_id = ANY(CAST(:myOrganizations AS uuid[])))`;
  },
  /**
   * SQL twin of moderatedSpaceIdsSql for many people at once (live updates: who watches a space's moderation queue):
   * which of the people bound as :people (JSON `[{ user_id, organizations }]`, their actors' memberships) own or
   * moderate the space bound as :space.
   */
  moderatorsAmongSql(): string {
    return `SELECT p.user_id FROM jsonb_to_recordset(CAST(:people AS jsonb)) AS p(user_id uuid, organizations uuid[])
      WHERE EXISTS (SELECT 1 FROM space_members sm WHERE sm.space_id = :space AND sm.role IN ('OWNER', 'MODERATOR')
        AND (sm.user_id = p.user_id OR sm.organization_id = ANY(p.organizations)))`;
  },
  /** SQL twin of moderatedSpaceIdsSql for someone else (live updates): the user whose id is the SQL `userId`. */
  moderatedSpaceIdsByUserSql(userId: string): string {
    return `SELECT sm.space_id FROM space_members sm WHERE sm.role IN ('OWNER', 'MODERATOR')
      AND (sm.user_id = ${userId} OR sm.organization_id IN ${MembershipQueries.organizationIdsSql(userId)})`;
  },
  /** Whether platform moderators moderate the content of a space (they cannot read a PRIVATE one). */
  isPlatformModerated(space: Pick<Space, 'visibility'>): boolean {
    return space.visibility !== 'PRIVATE';
  },

  /** Add and remove members: the space's owners, and platform staff where they can read. */
  canManageMembers(actor: Actor, space: Pick<Space, 'visibility'>, role: SpaceRole | null): boolean {
    return role === 'OWNER' || (isStaff(actor) && SpacePolicy.canRead(space, role));
  },

  /** Staff create spaces for any organisation; representatives for their own. */
  canCreate(actor: Actor, ownerOrganizationId: string): boolean {
    return isStaff(actor) || isRepresentativeOf(actor, ownerOrganizationId);
  },
};

/** SQL twin of SpacePolicy.canRead, by its former name (binds :me and :myOrganizations). */
export function readableSpaceSql(alias: string): string {
  return SpacePolicy.readableSql(alias);
}
