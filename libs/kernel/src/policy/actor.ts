import { UnauthenticatedError } from '../errors/domain-error';
import { CommonReason } from '../errors/common.reasons';

export type PlatformRole = 'ADMIN' | 'MODERATOR' | 'MEMBER';
export type MembershipRole = 'REPRESENTATIVE' | 'MEMBER';

export interface ActorMembership {
  readonly organizationId: string;
  readonly role: MembershipRole;
}

/** Who is asking: every service call receives one, and every policy decides from it. */
export interface Actor {
  readonly userId: string;
  readonly platformRole: PlatformRole;
  readonly memberships: readonly ActorMembership[];
}

/** The caller of a public operation, before sign-in. */
export type MaybeActor = Actor | null;

export function requireActor(actor: MaybeActor): Actor {
  if (!actor) throw new UnauthenticatedError().because(CommonReason.SIGN_IN_REQUIRED);
  return actor;
}

/** Platform staff: administrators and ministry moderators. */
export function isStaff(actor: Actor): boolean {
  return actor.platformRole === 'ADMIN' || actor.platformRole === 'MODERATOR';
}

export function isAdmin(actor: Actor): boolean {
  return actor.platformRole === 'ADMIN';
}

export function isMemberOf(actor: Actor, organizationId: string): boolean {
  return actor.memberships.some((m) => m.organizationId === organizationId);
}

export function isRepresentativeOf(actor: Actor, organizationId: string): boolean {
  return actor.memberships.some((m) => m.organizationId === organizationId && m.role === 'REPRESENTATIVE');
}
