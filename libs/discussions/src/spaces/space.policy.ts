import { Actor, isRepresentativeOf, isStaff } from '@majlis/kernel';
import type { Space, SpaceRole } from './space.entity';

const RANK: Record<SpaceRole, number> = { OBSERVER: 1, PARTICIPANT: 2, MODERATOR: 3, OWNER: 4 };

/** The strongest of several roles (a person may be a member directly and through organisations). */
export function strongestRole(roles: readonly SpaceRole[]): SpaceRole | null {
  return roles.reduce<SpaceRole | null>((best, role) => (!best || RANK[role] > RANK[best] ? role : best), null);
}

/**
 * Who reads, posts and moderates in a space, from its visibility and the actor's effective role there.
 * PRIVATE spaces are their members' alone: platform staff do not read a federation's private deliberations.
 */
export const SpacePolicy = {
  canRead(space: Pick<Space, 'visibility'>, role: SpaceRole | null): boolean {
    return space.visibility !== 'PRIVATE' || role !== null;
  },
  canPost(space: Pick<Space, 'visibility'>, role: SpaceRole | null): boolean {
    if (space.visibility === 'PUBLIC') return role !== 'OBSERVER';
    return role !== null && RANK[role] >= RANK.PARTICIPANT;
  },
  /** Pin and lock threads: the space's owners and moderators, and platform moderators where they can read. */
  canModerate(actor: Actor, space: Pick<Space, 'visibility'>, role: SpaceRole | null): boolean {
    if (role === 'OWNER' || role === 'MODERATOR') return true;
    return isStaff(actor) && SpacePolicy.canRead(space, role);
  },
  canManageMembers(actor: Actor, space: Pick<Space, 'visibility'>, role: SpaceRole | null): boolean {
    return role === 'OWNER' || (isStaff(actor) && SpacePolicy.canRead(space, role));
  },
  /** Staff create spaces for any organisation; representatives for their own. */
  canCreate(actor: Actor, ownerOrganizationId: string): boolean {
    return isStaff(actor) || isRepresentativeOf(actor, ownerOrganizationId);
  },
};
