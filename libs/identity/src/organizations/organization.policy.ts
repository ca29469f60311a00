import { Actor, SqlCondition, isMemberOf, isRepresentativeOf, isStaff } from '@majlis/kernel';
import { Organization } from './organization.entity';

/**
 * Who may see and change organisations and their federation affiliations. Pure decisions, no I/O; each rule that
 * lists or counts need has its SQL twin beside it. People in organisations: `MembershipPolicy`; invitations:
 * `InvitationPolicy`; people themselves: `UserPolicy`.
 */
export const OrganizationPolicy = {
  /** Verified organisations are public to signed-in people; unverified ones only to staff and their members. */
  canSee(actor: Actor, organization: Pick<Organization, 'id' | 'verifiedAt'>): boolean {
    return organization.verifiedAt !== null || isStaff(actor) || isMemberOf(actor, organization.id);
  },
  /** SQL twin of `canSee`, on the organisations table under `alias` (lists, counts, affiliations). */
  canSeeSql(actor: Actor, alias: string): SqlCondition {
    if (isStaff(actor)) return { sql: 'TRUE', params: {} };
    const memberOf = actor.memberships.map((membership) => membership.organizationId);
    if (memberOf.length === 0) return { sql: `${alias}.verified_at IS NOT NULL`, params: {} };
    return {
      sql: `(${alias}.verified_at IS NOT NULL OR ${alias}.id = ANY(:organizationPolicyMemberOf))`,
      params: { organizationPolicyMemberOf: memberOf },
    };
  },
  /** Staff create organisations (they are then unverified until a staff member verifies them). */
  canCreate(actor: Actor): boolean {
    return isStaff(actor);
  },
  /** Staff and the organisation's representatives edit its name, acronym and description. */
  canUpdate(actor: Actor, organization: Pick<Organization, 'id'>): boolean {
    return isStaff(actor) || isRepresentativeOf(actor, organization.id);
  },
  canVerify(actor: Actor): boolean {
    return isStaff(actor);
  },
  /** A federation's representatives manage which companies belong to it; staff manage every federation. */
  canManageAffiliations(actor: Actor, federation: Pick<Organization, 'id'>): boolean {
    return isStaff(actor) || isRepresentativeOf(actor, federation.id);
  },
};
