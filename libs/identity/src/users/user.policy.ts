import { Actor, PlatformRole, isAdmin, isStaff } from '@majlis/kernel';
import type { SqlCondition } from '@majlis/kernel';

/** Decisions about people: their personal data, their status and their platform role. */
export const UserPolicy = {
  /**
   * A person's public profile (name, locale, platform role, memberships) is seen by every signed-in person; a
   * deleted account stays visible as "Former member". The e-mail address has its own rule, `canSeeEmail`.
   */
  canSeeProfile(actor: Actor): boolean {
    return actor.userId.length > 0;
  },
  /** An e-mail address is personal data: its owner and platform staff see it. */
  canSeeEmail(actor: Actor, userId: string): boolean {
    return actor.userId === userId || isStaff(actor);
  },
  /** Moderators suspend members; only administrators suspend staff; nobody suspends themselves. */
  canChangeStatus(actor: Actor, target: { id: string; platformRole: PlatformRole }): boolean {
    if (actor.userId === target.id) return false;
    if (isAdmin(actor)) return true;
    return isStaff(actor) && target.platformRole === 'MEMBER';
  },
  /** A password is changed by its owner only (staff suspend, they never set someone's password). */
  canChangePassword(actor: Actor, target: { id: string }): boolean {
    return actor.userId === target.id;
  },
  /**
   * Finding people across the platform (the console's platform roles, suspensions) is for staff: anyone else is
   * refused with FORBIDDEN (they know the directory exists; they only read people through their organisations).
   */
  canSearch(actor: Actor): boolean {
    return isStaff(actor);
  },
  /** Who a search lists: every account except deleted ones ("Former member" has nothing left to find). */
  canList(actor: Actor, user: { status: string }): boolean {
    return UserPolicy.canSearch(actor) && user.status !== 'DELETED';
  },
  /** SQL twin of `canList`, on the users table under `alias`. */
  canListSql(actor: Actor, alias: string): SqlCondition {
    if (!UserPolicy.canSearch(actor)) return { sql: 'FALSE', params: {} };
    return { sql: `${alias}.status <> 'DELETED'`, params: {} };
  },
  canChangePlatformRole(actor: Actor, target: { id: string }): boolean {
    return isAdmin(actor) && actor.userId !== target.id;
  },
};
