import { Actor, MembershipRole, isMemberOf, isRepresentativeOf, isStaff } from '@majlis/kernel';
import { Organization } from './organization.entity';

/** Who may see and change organisations, their affiliations and their people. Pure decisions, no I/O. */
export const OrganizationPolicy = {
  /** Verified organisations are public to signed-in people; unverified ones only to staff and their members. */
  canSee(actor: Actor, organization: Pick<Organization, 'id' | 'verifiedAt'>): boolean {
    return organization.verifiedAt !== null || isStaff(actor) || isMemberOf(actor, organization.id);
  },
  canCreate(actor: Actor): boolean {
    return isStaff(actor);
  },
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
  /** Staff invite anyone with any role; representatives invite plain members into their own organisation. */
  canInvite(actor: Actor, organization: Pick<Organization, 'id'>, role: MembershipRole): boolean {
    return isStaff(actor) || (isRepresentativeOf(actor, organization.id) && role === 'MEMBER');
  },
  canSeeInvitations(actor: Actor, organization: Pick<Organization, 'id'>): boolean {
    return isStaff(actor) || isRepresentativeOf(actor, organization.id);
  },
  /** Staff remove anyone; representatives remove plain members of their organisation; anyone may leave. */
  canRemoveMember(actor: Actor, membership: { userId: string; organizationId: string; role: MembershipRole }): boolean {
    if (isStaff(actor) || membership.userId === actor.userId) return true;
    return isRepresentativeOf(actor, membership.organizationId) && membership.role === 'MEMBER';
  },
  canChangeMemberRole(actor: Actor): boolean {
    return isStaff(actor);
  },
};
